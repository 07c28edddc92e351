package org.wayfinder.query.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.kernel.metadata.EventMetadata;
import org.wayfinder.kernel.serialization.EventFormat;

/**
 * The auditor's view: chain verification, daily digests, and history straight from the event store.
 * History discloses what was recorded about people, so each read states its purpose and is logged.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final String[] CSV_HEADER = {"global_index", "aggregate_id", "sequence_number", "event_id", "type",
            "kind", "reason", "business_date", "recorded_at", "actor_id", "actor_role", "organisation", "source",
            "correlation_id", "causation_id", "hash", "payload_type", "payload_revision", "fields"};

    private final ChainVerification verification;
    private final EventDigests digests;
    private final AuditTrail trail;
    private final AccessLog accessLog;

    AuditController(ChainVerification verification, EventDigests digests, AuditTrail trail, AccessLog accessLog) {
        this.verification = verification;
        this.digests = digests;
        this.trail = trail;
        this.accessLog = accessLog;
    }

    @GetMapping("/verification")
    ChainVerification.Result verifyStream(@RequestParam String aggregateId) {
        return verification.stream(aggregateId);
    }

    @PostMapping("/verification")
    ChainVerification.Result verifyStore() {
        return verification.wholeStore();
    }

    @PostMapping("/digests/{day}")
    ResponseEntity<EventDigests.Digest> recordDigest(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                                     LocalDate day) {
        if (!digests.completed(day)) {
            throw problem(HttpStatus.UNPROCESSABLE_ENTITY, "Day not over",
                    "Only a completed UTC day can be digested; " + day + " has not ended yet.");
        }
        EventDigests.Recorded recorded = digests.record(day);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.digest());
    }

    @GetMapping("/digests")
    Digests digests(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                      LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                      LocalDate to) {
        LocalDate last = to != null ? to : LocalDate.now(java.time.ZoneOffset.UTC);
        LocalDate first = from != null ? from : last.minusDays(31);
        return new Digests(first, last, digests.between(first, last));
    }

    @GetMapping("/digests/{day}/verification")
    EventDigests.Check checkDigest(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return digests.check(day);
    }

    @GetMapping("/referrals/{referralId}/history")
    ResponseEntity<?> referralHistory(@PathVariable String referralId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                      Instant from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                      Instant to,
                                      @RequestParam(required = false) String type,
                                      @RequestParam(defaultValue = "json") String format,
                                      @RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
        String id = uuid(referralId, "referralId");
        return history("referral-history", "Referral", id, () -> Set.of(id), new AuditTrail.Filter(from, to, type),
                format, purpose);
    }

    @GetMapping("/people/{personId}/history")
    ResponseEntity<?> personHistory(@PathVariable String personId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                    Instant from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                    Instant to,
                                    @RequestParam(required = false) String type,
                                    @RequestParam(defaultValue = "json") String format,
                                    @RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
        String id = uuid(personId, "personId");
        return history("person-history", "Person", id, () -> trail.personStreams(id),
                new AuditTrail.Filter(from, to, type), format, purpose);
    }

    @GetMapping("/actors/{actorId}/events")
    Page actorEvents(@PathVariable String actorId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                     @RequestParam(defaultValue = "0") @Min(0) long afterGlobalIndex,
                     @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit,
                     @RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
        return page("actor-events", EventMetadata.ACTOR_ID, actorId, new AuditTrail.Filter(from, to, null),
                afterGlobalIndex, limit, purpose);
    }

    @GetMapping("/organisations/{ods}/events")
    Page organisationEvents(@PathVariable String ods,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                            Instant from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                            Instant to,
                            @RequestParam(defaultValue = "0") @Min(0) long afterGlobalIndex,
                            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit,
                            @RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
        return page("organisation-events", EventMetadata.ORGANISATION, ods, new AuditTrail.Filter(from, to, null),
                afterGlobalIndex, limit, purpose);
    }

    /** @param nextAfterGlobalIndex pass as {@code afterGlobalIndex} for the next page; null on the last page */
    record Page(List<HistoryEntry> events, Long nextAfterGlobalIndex) {
    }

    record Digests(LocalDate from, LocalDate to, List<EventDigests.Digest> digests) {
    }

    /** @param streams every stream the history was gathered from */
    record History(String subject, List<String> streams, List<HistoryEntry> events) {
    }

    private Page page(String resourceType, String key, String value, AuditTrail.Filter filter, long after, int limit,
                      String purposeHeader) {
        AccessPurpose purpose = accessLog.purpose(purposeHeader);
        if (value.length() > 64) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid id", "The id is longer than 64 characters.");
        }
        accessLog.record(purpose, resourceType, value, "read", "disclosed");
        List<HistoryEntry> events = trail.byMetadata(key, value, filter, after, limit);
        return new Page(events, events.size() < limit ? null : events.get(events.size() - 1).globalIndex());
    }

    private ResponseEntity<?> history(String resourceType, String aggregateType, String id,
                                      java.util.function.Supplier<Set<String>> related, AuditTrail.Filter filter,
                                      String format, String purposeHeader) {
        AccessPurpose purpose = accessLog.purpose(purposeHeader);
        if (!format.equals("json") && !format.equals("csv")) {
            throw problem(HttpStatus.BAD_REQUEST, "Unknown format", "'format' must be json or csv.");
        }
        if (!trail.exists(id, aggregateType)) {
            accessLog.record(purpose, resourceType, id, "read", "not-found");
            throw problem(HttpStatus.NOT_FOUND, "Not found", "No " + aggregateType.toLowerCase() + " " + id
                    + " is recorded.");
        }
        Set<String> streams = related.get();
        List<HistoryEntry> events = trail.streams(streams, filter);
        accessLog.record(purpose, resourceType, id, format.equals("csv") ? "export" : "read", "disclosed");
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(CSV)
                    .header("Content-Disposition", "attachment; filename=\"" + resourceType + "-" + id + ".csv\"")
                    .body(csv(events));
        }
        return ResponseEntity.ok(new History(id, List.copyOf(streams), events));
    }

    private static String csv(List<HistoryEntry> events) {
        var json = EventFormat.objectMapper();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).build())) {
            for (HistoryEntry e : events) {
                printer.printRecord(e.globalIndex(), e.aggregateId(), e.sequenceNumber(), e.eventId(), e.type(),
                        e.kind(), e.reason(), e.businessDate(), e.recordedAt(), e.actorId(), e.actorRole(),
                        e.organisation(), e.source(), e.correlationId(), e.causationId(), e.hash(), e.payloadType(),
                        e.payloadRevision(), json.writeValueAsString(e.fields()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String uuid(String value, String name) {
        if (!value.matches(UUID_PATTERN)) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid id", "'" + name + "' must be a UUID.");
        }
        return value.toLowerCase();
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}

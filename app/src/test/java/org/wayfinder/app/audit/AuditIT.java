package org.wayfinder.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.kernel.referral.ContactChannel;
import org.wayfinder.kernel.referral.FirstContactMade;

/** The auditor's view end to end: a journey's history with its metadata, and tampering found to the row. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class AuditIT {

    private static final Map<String, String> AUDIT = Map.of("X-Access-Purpose", "AUDIT");
    private static final LocalDate START = LocalDate.now().minusDays(60);
    private static final String ORGANISATION = "F84003";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EventStore eventStore;

    private ApiClient linkWorker;
    private ApiClient admin;
    private ApiClient auditor;

    @BeforeEach
    void users() {
        linkWorker = ApiClient.as(http, tokens, "lw-audit-1", Role.LINK_WORKER, ORGANISATION);
        admin = ApiClient.as(http, tokens, "directory-admin", Role.ADMIN, ORGANISATION);
        auditor = ApiClient.as(http, tokens, "auditor-1", Role.AUDITOR, "X26");
    }

    @Test
    void a_journey_reads_back_complete_with_who_why_and_its_chain_and_the_store_verifies() {
        String personId = registerPerson();
        String referralId = receive(personId);
        String base = "/api/referrals/" + referralId;
        String activityId = activity();
        ok(linkWorker.post(base + "/acceptance", Map.of("linkWorkerId", "lw-audit-1",
                "acceptedOn", START.plusDays(1).toString())));
        ok(linkWorker.post(base + "/connections", Map.of("activityId", activityId,
                "connectedOn", START.plusDays(7).toString())));
        ResponseEntity<Map> attended = linkWorker.post(base + "/attendances", Map.of("activityId", activityId,
                "sessionOn", START.plusDays(14).toString(), "status", "ATTENDED"));
        ok(attended);
        ok(linkWorker.post(base + "/attendances/" + attended.getBody().get("id") + "/correction", Map.of(
                "status", "CANCELLED_BY_PROVIDER", "reason", "Session was cancelled; register was wrong")));

        ResponseEntity<Map> response = auditor.get("/api/audit/referrals/" + referralId + "/history", AUDIT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> events = (List<Map<String, Object>>) response.getBody().get("events");
        assertThat(events).extracting(e -> e.get("type")).containsExactly("ReferralReceived", "ReferralAccepted",
                "ConnectedToActivity", "AttendanceRecorded", "AttendanceCorrected");
        assertThat(events).extracting(e -> e.get("kind")).containsExactly("fact", "fact", "fact", "fact", "correction");
        for (Map<String, Object> event : events) {
            assertThat(event).containsEntry("actorId", "lw-audit-1").containsEntry("actorRole", "LINK_WORKER")
                    .containsEntry("organisation", ORGANISATION).containsEntry("aggregateId", referralId);
            assertThat((String) event.get("correlationId")).isNotBlank();
            assertThat((String) event.get("causationId")).isNotBlank();
            assertThat((String) event.get("hash")).matches("[0-9a-f]{64}");
            assertThat((String) event.get("recordedAt")).isNotBlank();
        }
        assertThat(events.get(0)).containsEntry("businessDate", START.toString());
        Map<String, Object> correction = events.get(4);
        assertThat(correction).containsEntry("reason", "Session was cancelled; register was wrong")
                .containsEntry("businessDate", LocalDate.now(ZoneOffset.UTC).toString());
        assertThat((Map<String, Object>) correction.get("fields")).containsEntry("status", "CANCELLED_BY_PROVIDER");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_log WHERE resource_type = 'referral-history' "
                + "AND resource_id = ? AND purpose = 'AUDIT' AND actor_id = 'auditor-1'", Long.class, referralId))
                .isOne();

        ResponseEntity<Map> filtered = auditor.get("/api/audit/referrals/" + referralId
                + "/history?type=AttendanceCorrected", AUDIT);
        assertThat((List<?>) filtered.getBody().get("events")).hasSize(1);
        ResponseEntity<String> csv = http.exchange("/api/audit/referrals/" + referralId + "/history?format=csv",
                HttpMethod.GET, new org.springframework.http.HttpEntity<>(auditHeaders()), String.class);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
        assertThat(csv.getBody().lines()).hasSize(6).first().asString().startsWith("global_index,aggregate_id");
        assertThat(csv.getBody()).contains("AttendanceCorrected,correction,Session was cancelled; register was wrong");
        assertThat(auditor.get("/api/audit/referrals/" + referralId + "/history").getStatusCode())
                .as("a history read without a stated purpose").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(auditor.get("/api/audit/referrals/" + personId + "/history", AUDIT).getStatusCode())
                .as("a person is not a referral").isEqualTo(HttpStatus.NOT_FOUND);

        Map personHistory = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> auditor.get("/api/audit/people/" + personId + "/history", AUDIT).getBody(),
                        body -> ((List<?>) body.get("streams")).contains(referralId));
        assertThat((List<Map<String, Object>>) personHistory.get("events")).extracting(e -> e.get("aggregateId"))
                .containsOnly(personId, referralId).filteredOn(referralId::equals).hasSize(5);

        Map page = auditor.get("/api/audit/actors/lw-audit-1/events?limit=2", AUDIT).getBody();
        assertThat((List<?>) page.get("events")).hasSize(2);
        Map next = auditor.get("/api/audit/actors/lw-audit-1/events?limit=5000&afterGlobalIndex="
                + page.get("nextAfterGlobalIndex"), AUDIT).getBody();
        assertThat((List<Map<String, Object>>) next.get("events")).allMatch(e -> e.get("actorId").equals("lw-audit-1"))
                .isNotEmpty();
        assertThat((List<?>) auditor.get("/api/audit/organisations/" + ORGANISATION + "/events", AUDIT).getBody()
                .get("events")).isNotEmpty();

        Map stream = auditor.get("/api/audit/verification?aggregateId=" + referralId).getBody();
        assertThat(stream).containsEntry("verified", 5).containsEntry("streams", 1).containsEntry("brokenLinks", 0);
        assertThat(stream.get("firstBrokenLink")).isNull();
        Map store = auditor.post("/api/audit/verification", null).getBody();
        assertThat(store).containsEntry("brokenLinks", 0).containsEntry("unhashed", 0);
        assertThat(((Number) store.get("verified")).longValue())
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
    }

    @Test
    void an_event_changed_behind_the_stores_back_is_reported_as_the_first_broken_link() {
        String referralId = receive(UUID.randomUUID().toString());
        ok(linkWorker.post("/api/referrals/" + referralId + "/acceptance", Map.of("linkWorkerId", "lw-audit-1",
                "acceptedOn", START.plusDays(1).toString())));
        ok(linkWorker.post("/api/referrals/" + referralId + "/first-contact", Map.of(
                "contactedOn", START.plusDays(2).toString(), "channel", "TELEPHONE")));
        Map<String, Object> row = jdbc.queryForMap("SELECT global_index, payload FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 1", referralId);
        long globalIndex = ((Number) row.get("global_index")).longValue();
        byte[] original = (byte[]) row.get("payload");
        String storedHash = (String) ((List<Map<String, Object>>) auditor.get("/api/audit/referrals/" + referralId
                + "/history", AUDIT).getBody().get("events")).get(1).get("hash");

        asSuperuserBypassingTriggers(globalIndex, new String(original, java.nio.charset.StandardCharsets.UTF_8)
                .replace("lw-audit-1", "lw-audit-9").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            Map stream = auditor.get("/api/audit/verification?aggregateId=" + referralId).getBody();
            assertThat(stream).containsEntry("verified", 2).containsEntry("brokenLinks", 1);
            Map broken = (Map) stream.get("firstBrokenLink");
            assertThat(broken).containsEntry("aggregateId", referralId).containsEntry("sequenceNumber", 1)
                    .containsEntry("found", storedHash);
            assertThat(((Number) broken.get("globalIndex")).longValue()).isEqualTo(globalIndex);
            assertThat((String) broken.get("expected")).isNotEqualTo(storedHash).matches("[0-9a-f]{64}");

            Map store = auditor.post("/api/audit/verification", null).getBody();
            assertThat(store).containsEntry("brokenLinks", 1);
            assertThat((Map) store.get("firstBrokenLink")).containsEntry("aggregateId", referralId)
                    .containsEntry("sequenceNumber", 1);
            assertThat(((Number) ((Map) store.get("firstBrokenLink")).get("globalIndex")).longValue())
                    .isEqualTo(globalIndex);
        } finally {
            asSuperuserBypassingTriggers(globalIndex, original);
        }
        assertThat(auditor.get("/api/audit/verification?aggregateId=" + referralId).getBody())
                .containsEntry("brokenLinks", 0).containsEntry("verified", 3);
    }

    @Test
    void erasure_destroys_the_key_but_leaves_the_chain_intact_and_merges_show_in_the_survivors_history() {
        String survivorId = registerPerson();
        String duplicateId = registerPerson();
        ok(linkWorker.post("/api/people/" + duplicateId + "/merge",
                Map.of("survivorId", survivorId, "reason", "duplicate registration"), Map.of()));
        ok(admin.post("/api/people/" + survivorId + "/erasure", Map.of("reason", "erasure request")));

        Map verification = auditor.get("/api/audit/verification?aggregateId=" + survivorId).getBody();
        assertThat(verification).containsEntry("brokenLinks", 0).containsEntry("unhashed", 0);
        assertThat(((Number) verification.get("verified")).longValue()).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, survivorId));
        assertThat(jdbc.queryForObject("SELECT destroyed_at IS NOT NULL FROM person_key WHERE person_id = ?",
                Boolean.class, survivorId)).isTrue();
        Map history = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> auditor.get("/api/audit/people/" + survivorId + "/history", AUDIT).getBody(),
                        body -> ((List<?>) body.get("streams")).contains(duplicateId));
        assertThat((List<Map<String, Object>>) history.get("events")).extracting(e -> e.get("kind"))
                .contains("merge", "erasure");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_log WHERE resource_type = 'person-history' "
                + "AND resource_id = ?", Long.class, survivorId)).isPositive();
    }

    @Test
    void snapshots_and_events_published_outside_an_aggregate_leave_the_chain_intact() {
        String referralId = receive(UUID.randomUUID().toString());
        ok(linkWorker.post("/api/referrals/" + referralId + "/acceptance", Map.of("linkWorkerId", "lw-audit-1",
                "acceptedOn", START.plusDays(1).toString())));
        eventStore.storeSnapshot(new GenericDomainEventMessage<>("Referral", referralId, 1, "snapshot-probe"));
        try {
            eventStore.publish(new GenericDomainEventMessage<>("Referral", referralId, 2,
                    new FirstContactMade(referralId, START.plusDays(2), ContactChannel.TELEPHONE)));
            assertThat(auditor.get("/api/audit/verification?aggregateId=" + referralId).getBody())
                    .containsEntry("verified", 3).containsEntry("brokenLinks", 0);
        } finally {
            jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", referralId);
        }

        EventMessage<String> probe = GenericEventMessage.asEventMessage("audit-probe");
        eventStore.publish(probe);
        Map verification = auditor.get("/api/audit/verification?aggregateId=" + probe.getIdentifier()).getBody();
        assertThat(verification).containsEntry("verified", 1).containsEntry("streams", 1)
                .containsEntry("brokenLinks", 0);
    }

    @Test
    void a_completed_day_is_digested_once_and_checks_against_the_store() {
        receive(UUID.randomUUID().toString());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(auditor.post("/api/audit/digests/" + today, null).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        LocalDate yesterday = today.minusDays(1);
        ResponseEntity<Map> first = auditor.post("/api/audit/digests/" + yesterday, null);
        assertThat(first.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);
        assertThat((String) first.getBody().get("rootHash")).matches("[0-9a-f]{64}");
        ResponseEntity<Map> again = auditor.post("/api/audit/digests/" + yesterday, null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("rootHash", first.getBody().get("rootHash"));
        assertThat(auditor.get("/api/audit/digests/" + yesterday + "/verification").getBody())
                .containsEntry("matches", true);
        List<Map<String, Object>> listed = (List<Map<String, Object>>) auditor.get("/api/audit/digests?from="
                + yesterday + "&to=" + yesterday).getBody().get("digests");
        assertThat(listed).singleElement().satisfies(digest -> assertThat(digest)
                .containsEntry("day", yesterday.toString()).containsEntry("rootHash", first.getBody().get("rootHash")));
    }

    private void asSuperuserBypassingTriggers(long globalIndex, byte[] payload) {
        // The embedded server runs as superuser: replica mode skips the append-only trigger for this transaction.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL session_replication_role = replica");
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, globalIndex);
        });
    }

    private org.springframework.http.HttpHeaders auditHeaders() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(tokens.mint("auditor-1", Role.AUDITOR, "X26", Duration.ofMinutes(5)));
        headers.add("X-Access-Purpose", "AUDIT");
        return headers;
    }

    private String registerPerson() {
        String personId = UUID.randomUUID().toString();
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId);
        body.put("registeredOn", START.toString());
        body.put("nhsNumber", "943 476 5919");
        body.put("givenName", "Adaeze");
        body.put("familyName", "Okafor");
        body.put("dateOfBirth", "1961-03-14");
        body.put("postcode", "E8 1DY");
        body.put("sex", "FEMALE");
        body.put("ethnicCategory", "BLACK_AFRICAN");
        body.put("imdDecile", 2);
        body.put("imdEdition", "IMD2019");
        body.put("boroughGssCode", "E09000012");
        ok(linkWorker.post("/api/people", body));
        return personId;
    }

    private String activity() {
        String providerId = (String) admin.post("/api/providers", Map.of(
                "name", "Audit Walkers", "description", "Walking groups",
                "boroughsServed", List.of("E09000012"), "registeredOn", START.minusDays(30).toString()))
                .getBody().get("providerId");
        return (String) admin.post("/api/activities", Map.of(
                "providerId", providerId, "name", "Marshes walk", "description", "A gentle walk, then tea.",
                "taxonomy", List.of("openactive:walking"),
                "location", Map.of("name", "Hackney Marshes Centre", "addressLine", "Homerton Road",
                        "postcode", "E9 5PF", "boroughGssCode", "E09000012"),
                "schedule", "FREQ=WEEKLY;BYDAY=TU", "capacityPerSession", 12,
                "registeredOn", START.minusDays(20).toString()))
                .getBody().get("activityId");
    }

    private String receive(String personId) {
        String referralId = UUID.randomUUID().toString();
        ok(linkWorker.post("/api/referrals", Map.of("referralId", referralId, "personId", personId,
                "referredOn", START.toString(), "source", "GP_PRACTICE", "boroughGssCode", "E09000012",
                "needs", List.of("loneliness-isolation"))));
        return referralId;
    }

    private static void ok(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
    }
}

package org.wayfinder.app.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.kernel.audit.EventHash;
import org.wayfinder.kernel.referral.WellbeingMeasureCorrected;
import org.wayfinder.kernel.referral.WellbeingMeasureVoided;
import org.wayfinder.kernel.serialization.EventFormat;
import org.wayfinder.kernel.wellbeing.OnsLonelinessFrequency;

/**
 * Events stored by an earlier version, appended to the store byte for byte as that version wrote them
 * (revision null, no business date, hash-chained like every row), load as today's events through the
 * upcaster chain: the aggregate accepts further commands, the projections build from them, and a rebuild
 * gives the same views.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class LegacyEventsIT {

    /** The fixtures of shared-kernel, where the legacy JSON is kept beside the upcaster's unit test. */
    static final Path LEGACY = Path.of("../shared-kernel/src/test/resources/events/legacy/referral");
    static final String FIXTURE_REFERRAL = "0b8c6a5e-3f1d-4e8a-9c2b-7d4e5f6a7b8c";
    static final String FIXTURE_MEASURE = "e1e1e1e1-2222-4333-8444-555555555555";
    /** 00:30 on 1 July 2026 in London, still 30 June in UTC. */
    static final String RECORDED_AT = "2026-06-30T23:30:00Z";
    static final LocalDate RECORDED_ON = LocalDate.of(2026, 7, 1);

    @Autowired
    TestRestTemplate http;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Test
    void corrections_and_voidings_stored_without_a_date_load_project_and_rebuild() throws IOException {
        ApiClient linkWorker = ApiClient.as(http, tokens, "lw-1", Role.LINK_WORKER, "F84003");
        String referralId = UUID.randomUUID().toString();
        String corrected = UUID.randomUUID().toString();
        String voided = UUID.randomUUID().toString();
        assertThat(linkWorker.post("/api/referrals", Map.of("referralId", referralId,
                "personId", UUID.randomUUID().toString(), "referredOn", "2026-01-12", "source", "GP_PRACTICE",
                "boroughGssCode", "E09000012", "needs", List.of("loneliness-isolation"))).getStatusCode().value())
                .isEqualTo(201);
        String base = "/api/referrals/" + referralId;
        linkWorker.post(base + "/acceptance", Map.of("linkWorkerId", "lw-1", "acceptedOn", "2026-01-13"));
        Map<String, String> timePoints = Map.of(corrected, "BASELINE", voided, "FOLLOW_UP");
        Map<String, String> days = Map.of(corrected, "2026-01-20", voided, "2026-03-20");
        for (String measureId : List.of(corrected, voided)) {
            assertThat(linkWorker.post(base + "/wellbeing-measures", Map.of("measureId", measureId,
                    "instrument", "UCLA3", "timePoint", timePoints.get(measureId), "measuredOn", days.get(measureId),
                    "itemResponses", List.of(3, 3, 3), "onsLoneliness", "OFTEN_OR_ALWAYS")).getStatusCode().value())
                    .isEqualTo(201);
        }

        appendAsStored(referralId, 4, "WellbeingMeasureCorrected", corrected, WellbeingMeasureCorrected.class);
        appendAsStored(referralId, 5, "WellbeingMeasureVoided", voided, WellbeingMeasureVoided.class);

        // Read back through the event store: today's events, dated by the day they were recorded in London.
        List<? extends DomainEventMessage<?>> stream = eventStore.readEvents(referralId).asStream().toList();
        assertThat(stream).hasSize(6);
        assertThat(stream.get(4).getPayload()).isEqualTo(new WellbeingMeasureCorrected(referralId, corrected,
                List.of(2, 2, 2), OnsLonelinessFrequency.OCCASIONALLY, "Transcription error", RECORDED_ON));
        assertThat(stream.get(5).getPayload())
                .isEqualTo(new WellbeingMeasureVoided(referralId, voided, "Wrong person", RECORDED_ON));

        // The aggregate loads over them and goes on.
        assertThat(linkWorker.post(base + "/wellbeing-measures/" + corrected + "/correction", Map.of(
                "itemResponses", List.of(1, 2, 1), "onsLoneliness", "HARDLY_EVER", "reason", "Second look"))
                .getHeaders().getETag()).isEqualTo("\"6\"");
        // The chain still holds: the legacy rows were appended with their links.
        Map verification = ApiClient.as(http, tokens, "au-1", Role.AUDITOR, "QMF")
                .get("/api/audit/verification?aggregateId=" + referralId).getBody();
        assertThat(verification).containsEntry("verified", 7).containsEntry("brokenLinks", 0);

        Map<String, Object> views = awaitViews(referralId, corrected, voided);
        assertThat(views).containsEntry("corrected.responses", "{1,2,1}").containsEntry("corrected.corrected", true)
                .containsEntry("voided.voided", true).containsEntry("outcome.voided", true);

        List<StreamingEventProcessor> processors = eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        processors.forEach(StreamingEventProcessor::start);
        assertThat(awaitViews(referralId, corrected, voided)).isEqualTo(views);
    }

    /**
     * Inserts the legacy fixture as the stream's next row, with the test's ids in place of the fixture's,
     * metadata like the API's, and the hash the store's insert would have given it.
     */
    private void appendAsStored(String referralId, long sequence, String fixture, String measureId, Class<?> type)
            throws IOException {
        byte[] payload = Files.readString(LEGACY.resolve(fixture + ".json"), StandardCharsets.UTF_8)
                .replace(FIXTURE_REFERRAL, referralId).replace(FIXTURE_MEASURE, measureId)
                .getBytes(StandardCharsets.UTF_8);
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> metaData = new LinkedHashMap<>(Map.of("actorId", "lw-1", "actorRole", "LINK_WORKER",
                "organisation", "F84003", "source", "api", "correlationId", UUID.randomUUID().toString(),
                "causationId", UUID.randomUUID().toString()));
        byte[] withoutHash = EventFormat.objectMapper().writeValueAsBytes(metaData);
        String previous = EventHash.storedHash(jdbc.queryForObject("SELECT meta_data FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = ?", byte[].class, referralId, sequence - 1));
        metaData.put(EventHash.METADATA_KEY, EventHash.of(new EventHash.StoredEvent(referralId, sequence, eventId,
                type.getName(), null, RECORDED_AT, payload, withoutHash), previous));
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                eventId, referralId, sequence, "Referral", RECORDED_AT, type.getName(), payload,
                EventFormat.objectMapper().writeValueAsBytes(metaData));
    }

    private Map<String, Object> awaitViews(String referralId, String corrected, String voided) {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus().values()
                        .stream().allMatch(status -> status.isCaughtUp()
                                && status.getCurrentPosition().orElse(-1) >= head)));
        Map<String, Object> views = new LinkedHashMap<>();
        Map<String, Object> correctedRow = jdbc.queryForMap("SELECT item_responses::text AS responses, corrected "
                + "FROM referral_wellbeing_measure WHERE referral_id = ? AND measure_id = ?", referralId, corrected);
        views.put("corrected.responses", correctedRow.get("responses"));
        views.put("corrected.corrected", correctedRow.get("corrected"));
        views.put("voided.voided", jdbc.queryForObject("SELECT voided FROM referral_wellbeing_measure "
                + "WHERE referral_id = ? AND measure_id = ?", Boolean.class, referralId, voided));
        views.put("outcome.voided", jdbc.queryForObject("SELECT voided FROM wellbeing_outcome "
                + "WHERE referral_id = ? AND measure_id = ?", Boolean.class, referralId, voided));
        views.put("summary.version", jdbc.queryForObject("SELECT version FROM referral_summary WHERE referral_id = ?",
                Long.class, referralId));
        return views;
    }
}

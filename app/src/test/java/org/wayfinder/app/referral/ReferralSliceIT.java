package org.wayfinder.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.kernel.referral.ReferralAccepted;
import org.wayfinder.kernel.referral.ReferralCodes;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.kernel.referral.ReferralSource;
import org.wayfinder.projection.referral.ReferralSummaryProjection;

/** The first slice end to end: HTTP in, event in PostgreSQL, projection, HTTP out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralSliceIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    ReferralSummaryProjection summaryProjection;

    @Autowired
    DevelopmentTokens tokens;

    private static final Map<String, String> PURPOSE = Map.of("X-Access-Purpose", "DIRECT_CARE");

    private final ObjectMapper json = new ObjectMapper();
    private ApiClient linkWorker;

    @BeforeEach
    void signIn() {
        linkWorker = ApiClient.as(http, tokens, "lw-042", Role.LINK_WORKER, "F83004");
    }

    @Test
    void a_posted_referral_reads_back_from_the_summary() {
        String referralId = UUID.randomUUID().toString();
        ResponseEntity<Map> created = post(validReferral(referralId), Map.of());

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/referrals/" + referralId);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"0\"");

        Map<?, ?> summary = awaitReferral(referralId);
        assertThat(summary.get("referralId")).isEqualTo(referralId);
        assertThat(summary.get("referredOn")).isEqualTo("2025-06-02");
        assertThat(summary.get("source")).isEqualTo("GP_PRACTICE");
        assertThat(summary.get("boroughGssCode")).isEqualTo("E09000012");
        assertThat(summary.get("needs")).isEqualTo(List.of("loneliness-isolation"));
        assertThat(summary.get("status")).isEqualTo("RECEIVED");
    }

    @Test
    void every_event_carries_the_request_metadata() throws Exception {
        String referralId = UUID.randomUUID().toString();
        post(validReferral(referralId), Map.of("X-Correlation-Id", "corr-" + referralId));

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT event_identifier, payload_type, meta_data FROM domain_event_entry WHERE aggregate_identifier = ?",
                referralId);
        assertThat(row.get("payload_type")).isEqualTo(ReferralReceived.class.getName());
        JsonNode metadata = json.readTree((byte[]) row.get("meta_data"));
        assertThat(metadata.path("correlationId").asText()).isEqualTo("corr-" + referralId);
        assertThat(metadata.path("actorId").asText()).isEqualTo("lw-042");
        assertThat(metadata.path("actorRole").asText()).isEqualTo("LINK_WORKER");
        assertThat(metadata.path("organisation").asText()).isEqualTo("F83004");
        assertThat(metadata.path("source").asText()).isEqualTo("api");
        assertThat(metadata.path("causationId").asText())
                .isNotBlank()
                .isNotEqualTo(row.get("event_identifier"));
    }

    @Test
    void an_unknown_referral_is_a_404_problem() {
        ResponseEntity<Map> response = linkWorker.get("/api/referrals/" + UUID.randomUUID(), PURPOSE);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", 404).containsEntry("title", "Referral not found");
    }

    @Test
    void a_read_of_personal_data_without_a_purpose_a_reader_may_state_is_a_400_problem() {
        String referralId = UUID.randomUUID().toString();
        post(validReferral(referralId), Map.of());
        awaitReferral(referralId);
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("X-Access-Purpose", "direct_care"),
                Map.of("X-Access-Purpose", "EVALUATION"))) {
            ResponseEntity<Map> response = linkWorker.get("/api/referrals/" + referralId, headers);
            assertThat(response.getStatusCode()).as(headers.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).containsEntry("title", "Purpose required");
            assertThat((String) response.getBody().get("detail")).contains("DIRECT_CARE").doesNotContain("EVALUATION");
        }
    }

    @Test
    void a_malformed_id_is_a_400_problem() {
        ResponseEntity<Map> response = linkWorker.get("/api/referrals/not-a-uuid", PURPOSE);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_body_with_bad_fields_is_a_400_problem_naming_each_field() {
        ResponseEntity<Map> response = post(Map.of(
                "personId", "nobody",
                "boroughGssCode", "W06000015",
                "needs", List.of("Not A Code")), Map.of());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("boroughGssCode", "needs[0]", "personId", "referredOn", "source");
    }

    @Test
    void an_unknown_source_is_a_400_problem_listing_the_allowed_values() {
        Map<String, Object> body = new java.util.HashMap<>(validReferral(UUID.randomUUID().toString()));
        body.put("source", "CARRIER_PIGEON");
        ResponseEntity<Map> response = post(body, Map.of());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail")).contains("'source'").contains("GP_PRACTICE");
    }

    @Test
    void a_bad_date_is_a_400_problem_naming_the_field() {
        Map<String, Object> body = new java.util.HashMap<>(validReferral(UUID.randomUUID().toString()));
        body.put("referredOn", "14/03/2024");
        ResponseEntity<Map> response = post(body, Map.of());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail")).contains("'referredOn'").contains("YYYY-MM-DD");
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() {
        ResponseEntity<String> response = linkWorker.exchangeRaw(HttpMethod.POST, "/api/referrals",
                "{\"referralId\": ", MediaType.APPLICATION_JSON);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_oversized_body_is_a_413_problem() {
        String huge = "{\"personId\":\"" + "x".repeat(1_100_000) + "\"}";
        ResponseEntity<String> response = linkWorker.exchangeRaw(HttpMethod.POST, "/api/referrals", huge,
                MediaType.APPLICATION_JSON);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_referral_dated_in_the_future_is_refused_and_records_nothing() {
        String referralId = UUID.randomUUID().toString();
        Map<String, Object> body = new java.util.HashMap<>(validReferral(referralId));
        body.put("referredOn", LocalDate.now().plusDays(2).toString());
        ResponseEntity<Map> response = post(body, Map.of());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody()).containsEntry("rule", "date-in-future");
        assertThat(eventsOf(referralId)).isZero();
    }

    @Test
    void the_same_referral_id_twice_is_a_409_conflict() {
        String referralId = UUID.randomUUID().toString();
        assertThat(post(validReferral(referralId), Map.of()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> second = post(validReferral(referralId), Map.of());
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(eventsOf(referralId)).isOne();
    }

    @Test
    void unique_violations_in_the_event_store_surface_as_concurrency_errors() {
        String aggregateId = UUID.randomUUID().toString();
        storageEngine.appendEvents(event(aggregateId, 0));
        storageEngine.appendEvents(event(aggregateId, 1));

        assertThatThrownBy(() -> storageEngine.appendEvents(event(aggregateId, 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> storageEngine.appendEvents(event(aggregateId, 1)))
                .isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void the_event_table_refuses_update_and_delete() {
        String referralId = UUID.randomUUID().toString();
        post(validReferral(referralId), Map.of());

        assertThatThrownBy(() -> jdbc.update(
                "UPDATE domain_event_entry SET payload_type = 'tampered' WHERE aggregate_identifier = ?", referralId))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", referralId))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE domain_event_entry"))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(eventsOf(referralId)).isOne();
    }

    @Test
    void handling_an_event_again_leaves_the_summary_as_it_was() throws Exception {
        String referralId = UUID.randomUUID().toString();
        post(validReferral(referralId), Map.of());
        awaitReferral(referralId);
        DomainEventMessage<?> received = storageEngine.readEvents(referralId).next();
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(summaryProjection);
        handlers.handle(new GenericDomainEventMessage<>("Referral", referralId, 1, new ReferralAccepted(referralId,
                "lw-042", LocalDate.of(2025, 6, 3), ReferralCodes.SNOMED_REFERRAL_TO_SOCIAL_PRESCRIBING)));
        String row = "SELECT r::text FROM referral_summary r WHERE referral_id = ?";
        String accepted = jdbc.queryForObject(row, String.class, referralId);
        assertThat(jdbc.queryForObject("SELECT version FROM referral_summary WHERE referral_id = ?", Long.class,
                referralId)).isEqualTo(1L);

        handlers.handle(received);

        assertThat(jdbc.queryForObject(row, String.class, referralId)).isEqualTo(accepted);
    }

    @Test
    void the_summary_rebuilds_after_a_reset() {
        String referralId = UUID.randomUUID().toString();
        post(validReferral(referralId), Map.of());
        awaitReferral(referralId);

        TrackingEventProcessor processor = eventProcessing
                .eventProcessor(ReferralSummaryProjection.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM referral_summary", Long.class)).isZero();
        processor.start();

        Map<?, ?> rebuilt = awaitReferral(referralId);
        assertThat(rebuilt.get("boroughGssCode")).isEqualTo("E09000012");
    }

    @Test
    void readiness_includes_the_database() {
        ResponseEntity<Map> response = http.getForEntity("/actuator/health/readiness", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("status", "UP");
        assertThat((Map<String, Object>) response.getBody().get("components")).containsKey("db");
    }

    private Map<String, Object> validReferral(String referralId) {
        return Map.of(
                "referralId", referralId,
                "personId", UUID.randomUUID().toString(),
                "referredOn", "2025-06-02",
                "source", "GP_PRACTICE",
                "boroughGssCode", "E09000012",
                "needs", List.of("loneliness-isolation"));
    }

    private ResponseEntity<Map> post(Map<String, Object> body, Map<String, String> headerValues) {
        return linkWorker.post("/api/referrals", body, headerValues);
    }

    private Map<?, ?> awaitReferral(String referralId) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> linkWorker.get("/api/referrals/" + referralId, PURPOSE),
                        response -> response.getStatusCode() == HttpStatus.OK)
                .getBody();
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private static GenericDomainEventMessage<ReferralReceived> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Referral", aggregateId, sequence,
                new ReferralReceived(aggregateId, UUID.randomUUID().toString(), LocalDate.of(2024, 1, 8),
                        ReferralSource.SELF_REFERRAL, null, null, null, "E09000001", List.of(), null));
    }
}

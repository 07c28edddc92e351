package org.wayfinder.app.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.kernel.referral.ReferralAccepted;
import org.wayfinder.kernel.referral.ReferralEvent;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.query.projections.ProjectionHealth;

/**
 * A poison event: a projection that throws on one referral's events parks them in its dead-letter queue
 * while every other event keeps flowing; administrators list, retry and evict them over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(DeadLetterIT.PoisonedProjectionConfiguration.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class DeadLetterIT {

    static final String GROUP = "dead-letter-test";

    @Autowired
    TestRestTemplate http;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionHealth health;
    @Autowired
    PoisonedProjection projection;

    @Test
    void a_poison_event_is_parked_with_its_sequence_while_the_rest_keep_flowing_and_can_be_retried() {
        ApiClient linkWorker = ApiClient.as(http, tokens, "lw-1", Role.LINK_WORKER, "F84003");
        ApiClient admin = ApiClient.as(http, tokens, "admin-1", Role.ADMIN, "WAYFINDER");
        String poisoned = UUID.randomUUID().toString();
        projection.poison(poisoned);

        receive(linkWorker, poisoned);
        accept(linkWorker, poisoned);
        String healthy = UUID.randomUUID().toString();
        receive(linkWorker, healthy);
        accept(linkWorker, healthy);

        // The processor did not stall: it handled the later referral and caught up with the store.
        await().atMost(Duration.ofSeconds(30)).until(() -> projection.handled(healthy).size() == 2
                && health.snapshot().of(GROUP).map(status -> status.lag() == 0).orElse(false));
        assertThat(projection.handled(poisoned)).isEmpty();
        assertThat(jdbc.queryForList("SELECT payload_type FROM dead_letter_entry WHERE processing_group = ? "
                + "AND sequence_identifier = ? ORDER BY sequence_index", String.class, GROUP, poisoned))
                .containsExactly(ReferralReceived.class.getName(), ReferralAccepted.class.getName());
        // The real projections are not affected by the test group's failure.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM referral_summary WHERE referral_id IN (?, ?) AND status = 'ACCEPTED'",
                Long.class, poisoned, healthy) == 2);

        Map listing = admin.get("/api/dead-letters").getBody();
        assertThat((List<Map>) listing.get("processingGroups")).contains(
                Map.of("processingGroup", GROUP, "deadLetters", 2, "sequences", 1),
                Map.of("processingGroup", "referral-summary", "deadLetters", 0, "sequences", 0));
        List<Map> letters = ((List<Map>) listing.get("deadLetters")).stream()
                .filter(letter -> poisoned.equals(letter.get("sequenceIdentifier"))).toList();
        assertThat(letters).hasSize(2);
        Map head = letters.get(0);
        assertThat(head.get("eventType")).isEqualTo(ReferralReceived.class.getName());
        assertThat(head.get("causeType")).isEqualTo(IllegalStateException.class.getName());
        assertThat(head.get("causeMessage")).isEqualTo("Cannot project referral: note \"…\" is not understood")
                .asString().doesNotContain("Jane");
        assertThat(((Number) head.get("globalIndex")).longValue()).isEqualTo(jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                Long.class, poisoned));
        assertThat(head.get("retries")).isEqualTo(0);
        assertThat(head.get("enqueuedAt")).isNotNull();

        // Status and gauges read a snapshot at most a second old.
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(linkWorker).get("deadLetters").equals(2));
        assertThat(statusOf(linkWorker).get("upToDate")).isEqualTo(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.getForObject("/actuator/prometheus", String.class)
                .contains("wayfinder_dead_letters{processing_group=\"" + GROUP + "\"} 2.0"));

        // Still failing: the retry leaves the sequence parked and counts the attempt.
        Map stillFailing = admin.post("/api/dead-letters/" + GROUP + "/retries", Map.of()).getBody();
        assertThat(stillFailing).containsEntry("sequencesTried", 1).containsEntry("sequencesResolved", 0)
                .containsEntry("deadLettersRemaining", 2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? "
                + "AND convert_from(diagnostics, 'UTF8')::jsonb ->> 'retries' = '1'", Long.class, GROUP)).isEqualTo(1);

        // Fixed: the retry sends the whole sequence through the handler, in order.
        projection.cure(poisoned);
        Map retried = admin.post("/api/dead-letters/" + GROUP + "/retries", Map.of()).getBody();
        assertThat(retried).containsEntry("sequencesResolved", 1).containsEntry("deadLettersRemaining", 0);
        assertThat(projection.handled(poisoned)).containsExactly("ReferralReceived", "ReferralAccepted");
        await().atMost(Duration.ofSeconds(5)).until(() -> statusOf(linkWorker).get("deadLetters").equals(0));
    }

    @Test
    void an_administrator_evicts_a_sequence_that_will_never_succeed() {
        ApiClient linkWorker = ApiClient.as(http, tokens, "lw-1", Role.LINK_WORKER, "F84003");
        ApiClient admin = ApiClient.as(http, tokens, "admin-1", Role.ADMIN, "WAYFINDER");
        String poisoned = UUID.randomUUID().toString();
        projection.poison(poisoned);
        receive(linkWorker, poisoned);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM dead_letter_entry WHERE sequence_identifier = ?", Long.class, poisoned) == 1);

        assertThat(admin.status(HttpMethod.DELETE, "/api/dead-letters/" + GROUP + "/" + poisoned, null, Map.of()))
                .isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE sequence_identifier = ?",
                Long.class, poisoned)).isZero();

        ResponseEntity<Map> again = admin.exchange(HttpMethod.DELETE, "/api/dead-letters/" + GROUP + "/" + poisoned,
                null, Map.of());
        assertThat(again.getStatusCode().value()).isEqualTo(404);
        assertThat(again.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(admin.exchange(HttpMethod.POST, "/api/dead-letters/no-such-group/retries", Map.of(), Map.of())
                .getBody()).containsEntry("status", 404).containsEntry("title", "Processing group not found");
        ResponseEntity<Map> malformed = admin.exchange(HttpMethod.DELETE,
                "/api/dead-letters/" + GROUP + "/bad!sequence", null, Map.of());
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody()).containsEntry("title", "Invalid request");
        assertThat(admin.get("/api/dead-letters?limit=0").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void a_write_the_database_refuses_parks_the_event_instead_of_stopping_the_projection() {
        ApiClient linkWorker = ApiClient.as(http, tokens, "lw-1", Role.LINK_WORKER, "F84003");
        ApiClient admin = ApiClient.as(http, tokens, "admin-1", Role.ADMIN, "WAYFINDER");
        // The read model refuses what the event says, as a too-narrow column once did.
        jdbc.execute("ALTER TABLE referral_summary ADD CONSTRAINT refuses_u99999 CHECK (pcn IS DISTINCT FROM 'U99999')");
        String refused = UUID.randomUUID().toString();
        String healthy = UUID.randomUUID().toString();
        try {
            receive(linkWorker, refused, "U99999");
            accept(linkWorker, refused);
            receive(linkWorker, healthy, "U00001");

            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM referral_summary WHERE referral_id = ?", Long.class, healthy) == 1
                    && health.snapshot().of("referral-summary").map(status -> status.lag() == 0).orElse(false));
            assertThat(jdbc.queryForList("SELECT payload_type FROM dead_letter_entry WHERE processing_group = "
                    + "'referral-summary' AND sequence_identifier = ? ORDER BY sequence_index", String.class, refused))
                    .containsExactly(ReferralReceived.class.getName(), ReferralAccepted.class.getName());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM referral_summary WHERE referral_id = ?", Long.class,
                    refused)).isZero();
        } finally {
            jdbc.execute("ALTER TABLE referral_summary DROP CONSTRAINT IF EXISTS refuses_u99999");
        }

        Map retried = admin.post("/api/dead-letters/referral-summary/retries", Map.of()).getBody();
        assertThat(retried).containsEntry("sequencesResolved", 1).containsEntry("deadLettersRemaining", 0);
        assertThat(jdbc.queryForObject("SELECT status FROM referral_summary WHERE referral_id = ?", String.class,
                refused)).isEqualTo("ACCEPTED");
    }

    private Map statusOf(ApiClient client) {
        List<Map> projections = (List<Map>) client.get("/api/projections/status").getBody().get("projections");
        return projections.stream().filter(p -> GROUP.equals(p.get("processingGroup"))).findFirst().orElseThrow();
    }

    private static void receive(ApiClient client, String referralId) {
        receive(client, referralId, "U00001");
    }

    private static void receive(ApiClient client, String referralId, String pcn) {
        assertThat(client.post("/api/referrals", Map.of("referralId", referralId,
                "personId", UUID.randomUUID().toString(), "referredOn", "2026-01-12", "source", "GP_PRACTICE",
                "boroughGssCode", "E09000012", "pcn", pcn, "needs", List.of("housing"))).getStatusCode().value())
                .isEqualTo(201);
    }

    private static void accept(ApiClient client, String referralId) {
        assertThat(client.post("/api/referrals/" + referralId + "/acceptance",
                Map.of("linkWorkerId", "lw-1", "acceptedOn", "2026-01-13")).getStatusCode().is2xxSuccessful()).isTrue();
    }

    /** A projection with a bug: it cannot handle the events of referrals it was told to choke on. */
    @ProcessingGroup(GROUP)
    static class PoisonedProjection {

        private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
        private final Map<String, List<String>> handled = new ConcurrentHashMap<>();

        void poison(String referralId) {
            poisoned.add(referralId);
        }

        void cure(String referralId) {
            poisoned.remove(referralId);
        }

        List<String> handled(String referralId) {
            return handled.getOrDefault(referralId, List.of());
        }

        @EventHandler
        void on(ReferralEvent event) {
            String referralId = event instanceof ReferralReceived received ? received.referralId()
                    : event instanceof ReferralAccepted accepted ? accepted.referralId() : null;
            if (referralId == null) {
                return;
            }
            if (poisoned.contains(referralId)) {
                // The message quotes free text, as real failures do; it must not reach the dead-letter table.
                throw new IllegalStateException("Cannot project referral: note \"Jane Doe, 12 Acacia Avenue\" is not understood");
            }
            handled.computeIfAbsent(referralId, id -> new CopyOnWriteArrayList<>()).add(event.getClass().getSimpleName());
        }
    }

    @TestConfiguration
    static class PoisonedProjectionConfiguration {
        @Bean
        PoisonedProjection poisonedProjection() {
            return new PoisonedProjection();
        }
    }
}

package org.wayfinder.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;

/** The whole journey over HTTP: directory, referral from receipt to closure, versions, retries. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class ReferralJourneyIT {

    private static final Map<String, String> PURPOSE = Map.of("X-Access-Purpose", "DIRECT_CARE");
    private static final LocalDate START = LocalDate.now().minusDays(90);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DevelopmentTokens tokens;

    private ApiClient linkWorker;
    private ApiClient otherLinkWorker;
    private ApiClient admin;
    private String providerId;
    private String activityId;

    @BeforeEach
    void directory() {
        linkWorker = ApiClient.as(http, tokens, "lw-hackney-1", Role.LINK_WORKER, "F84003");
        otherLinkWorker = ApiClient.as(http, tokens, "lw-camden-7", Role.LINK_WORKER, "F83004");
        admin = ApiClient.as(http, tokens, "directory-admin", Role.ADMIN, "QMF");
        providerId = (String) admin.post("/api/providers", Map.of(
                "name", "Hackney Walkers", "description", "Walking groups for all abilities",
                "boroughsServed", List.of("E09000012"), "registeredOn", START.minusDays(30).toString()))
                .getBody().get("providerId");
        activityId = (String) admin.post("/api/activities", Map.of(
                "providerId", providerId, "name", "Marshes walk", "description", "A gentle walk, then tea.",
                "taxonomy", List.of("openactive:walking"),
                "location", Map.of("name", "Hackney Marshes Centre", "addressLine", "Homerton Road",
                        "postcode", "E9 5PF", "boroughGssCode", "E09000012"),
                "schedule", "FREQ=WEEKLY;BYDAY=TU", "capacityPerSession", 12,
                "registeredOn", START.minusDays(20).toString()))
                .getBody().get("activityId");
        assertThat(activityId).isNotNull();
    }

    @Test
    void a_whole_journey_is_recorded_and_reads_back() {
        String referralId = receive(linkWorker);
        String base = "/api/referrals/" + referralId;

        assertThat(linkWorker.post(base + "/acceptance", Map.of("linkWorkerId", "lw-hackney-1",
                "acceptedOn", START.plusDays(1).toString())).getHeaders().getETag()).isEqualTo("\"1\"");
        ok(linkWorker.post(base + "/first-contact", Map.of("contactedOn", START.plusDays(3).toString(),
                "channel", "TELEPHONE")));
        ok(linkWorker.post(base + "/needs-assessments", Map.of("assessedOn", START.plusDays(5).toString(),
                "needs", List.of("loneliness-isolation", "physical-inactivity"),
                "whatMatters", "Getting out of the flat", "goals", List.of("Join a group"))));
        ok(linkWorker.post(base + "/wellbeing-measures", Map.of("instrument", "SWEMWBS", "timePoint", "BASELINE",
                "measuredOn", START.plusDays(5).toString(), "itemResponses", List.of(3, 3, 3, 3, 3, 2, 2))));
        ok(linkWorker.post(base + "/connections", Map.of("activityId", activityId,
                "connectedOn", START.plusDays(7).toString())));
        ResponseEntity<Map> attended = linkWorker.post(base + "/attendances", Map.of("activityId", activityId,
                "sessionOn", START.plusDays(14).toString(), "status", "ATTENDED"));
        assertThat(attended.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ok(linkWorker.post(base + "/attendances", Map.of("activityId", activityId,
                "sessionOn", START.plusDays(21).toString(), "status", "DID_NOT_ATTEND")));
        ok(linkWorker.post(base + "/attendances/" + attended.getBody().get("id") + "/correction", Map.of(
                "status", "CANCELLED_BY_PROVIDER", "reason", "Session was cancelled; register was wrong")));
        ResponseEntity<Map> provider = ApiClient.as(http, tokens, "walk-leader", Role.PROVIDER, providerId)
                .post(base + "/attendances", Map.of("activityId", activityId,
                        "sessionOn", START.plusDays(28).toString(), "status", "ATTENDED"));
        assertThat(provider.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ok(linkWorker.post(base + "/wellbeing-measures", Map.of("instrument", "SWEMWBS", "timePoint", "FOLLOW_UP",
                "measuredOn", START.plusDays(61).toString(), "itemResponses", List.of(4, 3, 3, 4, 3, 3, 3))));
        ResponseEntity<Map> closed = linkWorker.post(base + "/closure", Map.of("closedOn", START.plusDays(70).toString(),
                "outcome", "COMPLETED", "needsAddressed", List.of("loneliness-isolation"),
                "supportSummary", "Joined the Tuesday walk; attends most weeks."));
        assertThat(closed.getHeaders().getETag()).isEqualTo("\"11\"");

        ResponseEntity<Map> refused = linkWorker.post(base + "/attendances", Map.of("activityId", activityId,
                "sessionOn", START.plusDays(75).toString(), "status", "ATTENDED"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).containsEntry("rule", "referral-closed");

        Map summary = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> linkWorker.get(base, PURPOSE),
                        r -> r.getStatusCode() == HttpStatus.OK && ((Number) r.getBody().get("version")).intValue() == 11)
                .getBody();
        assertThat(summary).containsEntry("status", "CLOSED").containsEntry("outcome", "COMPLETED")
                .containsEntry("firstContactChannel", "TELEPHONE").containsEntry("organisation", "F84003");
        assertThat((Map<String, Object>) summary.get("attendance")).containsEntry("attended", 1)
                .containsEntry("didNotAttend", 1).containsEntry("cancelledByProvider", 1);
        assertThat((List<?>) summary.get("connections")).hasSize(1);
        List<Map<String, Object>> measures = (List<Map<String, Object>>) summary.get("wellbeingMeasures");
        assertThat(measures).hasSize(2);
        assertThat((Map<String, Object>) measures.get(0).get("score")).containsEntry("raw", 19)
                .containsEntry("metricHundredths", 1798);
        assertThat(measures.get(1)).containsEntry("daysSinceBaseline", 56);
        String attendanceLocation = attended.getHeaders().getLocation().toString();
        assertThat(linkWorker.get(attendanceLocation, PURPOSE).getBody())
                .containsEntry("status", "CANCELLED_BY_PROVIDER").containsEntry("corrected", true);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_log WHERE resource_id = ? AND outcome = 'disclosed'",
                Long.class, referralId)).isPositive();
    }

    @Test
    void a_stale_if_match_is_a_409_with_the_current_version_and_changes_nothing() {
        String referralId = receive(linkWorker);
        String base = "/api/referrals/" + referralId;
        ok(linkWorker.post(base + "/acceptance", Map.of("linkWorkerId", "lw-hackney-1",
                "acceptedOn", START.plusDays(1).toString()), Map.of("If-Match", "\"0\"")));

        ResponseEntity<Map> stale = linkWorker.post(base + "/first-contact", Map.of(
                "contactedOn", START.plusDays(2).toString(), "channel", "VIDEO"), Map.of("If-Match", "\"0\""));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody()).containsEntry("currentVersion", 1);
        assertThat(eventsOf(referralId)).isEqualTo(2);
    }

    @Test
    void two_link_workers_changing_one_referral_at_once_one_wins_and_nothing_is_lost() throws Exception {
        String referralId = receive(linkWorker);
        String base = "/api/referrals/" + referralId;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<ResponseEntity<Map>> accept = () -> linkWorker.post(base + "/acceptance",
                    Map.of("linkWorkerId", "lw-hackney-1", "acceptedOn", START.plusDays(1).toString()),
                    Map.of("If-Match", "\"0\""));
            Callable<ResponseEntity<Map>> decline = () -> linkWorker.post(base + "/decline",
                    Map.of("declinedBy", "PERSON", "reason", "NOT_WANTED", "declinedOn", START.plusDays(1).toString()),
                    Map.of("If-Match", "\"0\""));
            Future<ResponseEntity<Map>> first = pool.submit(accept);
            Future<ResponseEntity<Map>> second = pool.submit(decline);
            List<HttpStatus> statuses = List.of((HttpStatus) first.get().getStatusCode(),
                    (HttpStatus) second.get().getStatusCode());
            assertThat(statuses).containsOnlyOnce(HttpStatus.OK);
            assertThat(statuses).containsAnyOf(HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_ENTITY);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventsOf(referralId)).isEqualTo(2);
    }

    @Test
    void concurrent_changes_to_different_referrals_all_succeed() throws Exception {
        List<String> referralIds = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            referralIds.add(receive(linkWorker));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ResponseEntity<Map>>> answers = new java.util.ArrayList<>();
            for (String referralId : referralIds) {
                answers.add(pool.submit(() -> linkWorker.post("/api/referrals/" + referralId + "/acceptance",
                        Map.of("linkWorkerId", "lw-hackney-1", "acceptedOn", START.plusDays(1).toString()),
                        Map.of("If-Match", "\"0\""))));
            }
            for (Future<ResponseEntity<Map>> answer : answers) {
                assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS).getStatusCode())
                        .isEqualTo(HttpStatus.OK);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String referralId : referralIds) {
            assertThat(eventsOf(referralId)).isEqualTo(2);
        }
    }

    @Test
    void a_retried_post_with_the_same_idempotency_key_returns_the_first_result_and_records_once() {
        String referralId = receive(linkWorker);
        String base = "/api/referrals/" + referralId;
        ok(linkWorker.post(base + "/acceptance", Map.of("linkWorkerId", "lw-hackney-1",
                "acceptedOn", START.plusDays(1).toString())));
        ok(linkWorker.post(base + "/connections", Map.of("activityId", activityId,
                "connectedOn", START.plusDays(7).toString())));
        Map<String, Object> session = Map.of("activityId", activityId, "sessionOn", START.plusDays(14).toString(),
                "status", "ATTENDED");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        ResponseEntity<Map> first = linkWorker.post(base + "/attendances", session, key);
        ResponseEntity<Map> retry = linkWorker.post(base + "/attendances", session, key);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(eventsOf(referralId)).isEqualTo(4);

        ResponseEntity<Map> misuse = linkWorker.post(base + "/attendances", Map.of("activityId", activityId,
                "sessionOn", START.plusDays(21).toString(), "status", "ATTENDED"), key);
        assertThat(misuse.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(eventsOf(referralId)).isEqualTo(4);
    }

    @Test
    void a_link_worker_of_another_organisation_can_neither_change_nor_read_the_referral() {
        String referralId = receive(linkWorker);
        String base = "/api/referrals/" + referralId;
        ResponseEntity<Map> change = otherLinkWorker.post(base + "/acceptance", Map.of("linkWorkerId", "lw-camden-7",
                "acceptedOn", START.plusDays(1).toString()));
        assertThat(change.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        await().atMost(Duration.ofSeconds(20)).until(() -> linkWorker.get(base, PURPOSE).getStatusCode() == HttpStatus.OK);
        assertThat(otherLinkWorker.get(base, PURPOSE).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(linkWorker.get(base).getStatusCode()).as("a read without a stated purpose")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(eventsOf(referralId)).isOne();
    }

    @Test
    void bad_lifecycle_input_is_a_400_naming_each_field() {
        String referralId = receive(linkWorker);
        ResponseEntity<Map> response = linkWorker.post("/api/referrals/" + referralId + "/wellbeing-measures",
                Map.of("instrument", "SWEMWBS", "itemResponses", List.of()));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) response.getBody().get("errors")).extracting(e -> e.get("field"))
                .contains("itemResponses", "measuredOn", "timePoint");
        assertThat(linkWorker.post("/api/referrals/not-a-uuid/acceptance", Map.of("linkWorkerId", "x",
                "acceptedOn", START.toString())).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(linkWorker.post("/api/referrals/" + UUID.randomUUID() + "/acceptance", Map.of("linkWorkerId", "x",
                "acceptedOn", START.toString())).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(linkWorker.post("/api/referrals/" + referralId + "/acceptance", Map.of("linkWorkerId", "x",
                "acceptedOn", START.toString()), Map.of("If-Match", "yesterday")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private String receive(ApiClient client) {
        String referralId = UUID.randomUUID().toString();
        ResponseEntity<Map> response = client.post("/api/referrals", Map.of("referralId", referralId,
                "personId", UUID.randomUUID().toString(), "referredOn", START.toString(), "source", "GP_PRACTICE",
                "boroughGssCode", "E09000012", "needs", List.of("loneliness-isolation")));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return referralId;
    }

    private static void ok(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }
}

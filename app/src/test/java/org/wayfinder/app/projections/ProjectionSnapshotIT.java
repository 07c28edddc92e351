package org.wayfinder.app.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;

/** Snapshots as known on a day or as happened by a day are read through the ordinary API and leave the live views alone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class ProjectionSnapshotIT {

    private static final Map<String, String> PURPOSE = Map.of("X-Access-Purpose", "DIRECT_CARE");

    @Autowired
    TestRestTemplate http;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_referral_as_it_had_happened_by_a_date_and_as_it_was_known_on_a_date() {
        ApiClient linkWorker = ApiClient.as(http, tokens, "lw-1", Role.LINK_WORKER, "F84003");
        ApiClient evaluator = ApiClient.as(http, tokens, "ev-1", Role.EVALUATOR, "QMF");
        LocalDate start = LocalDate.now().minusDays(120);
        String personId = UUID.randomUUID().toString();
        linkWorker.post("/api/people", Map.of("personId", personId, "givenName", "Test", "familyName", "Person",
                "dateOfBirth", "1960-05-01", "sex", "FEMALE"));
        String referralId = UUID.randomUUID().toString();
        linkWorker.post("/api/referrals", Map.of("referralId", referralId, "personId", personId,
                "referredOn", start.toString(), "source", "GP_PRACTICE", "boroughGssCode", "E09000012",
                "needs", List.of("housing")));
        String base = "/api/referrals/" + referralId;
        linkWorker.post(base + "/acceptance", Map.of("linkWorkerId", "lw-1", "acceptedOn", start.plusDays(1).toString()));
        linkWorker.post(base + "/wellbeing-measures", Map.of("instrument", "SWEMWBS", "timePoint", "BASELINE",
                "measuredOn", start.plusDays(2).toString(), "itemResponses", List.of(3, 3, 3, 3, 3, 2, 1)));
        linkWorker.post(base + "/wellbeing-measures", Map.of("instrument", "SWEMWBS", "timePoint", "FOLLOW_UP",
                "measuredOn", start.plusDays(70).toString(), "itemResponses", List.of(4, 3, 3, 4, 3, 3, 3)));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<Map> live = linkWorker.get(base, PURPOSE);
            return live.getStatusCode() == HttpStatus.OK && ((List) live.getBody().get("wellbeingMeasures")).size() == 2;
        });
        Map checksums = evaluator.get("/api/projections/checksums").getBody();

        snapshot(evaluator, Map.of("projection", "referral-summary", "name", "early-days",
                "asHappenedBy", start.plusDays(10).toString()));
        snapshot(evaluator, Map.of("projection", "referral-summary", "name", "known-yesterday",
                "asKnownOn", LocalDate.now().minusDays(1).toString()));
        snapshot(evaluator, Map.of("projection", "wellbeing-outcomes", "name", "outcomes-today",
                "asKnownOn", LocalDate.now().toString()));

        Map early = linkWorker.get(base + "?asOf=early-days", PURPOSE).getBody();
        assertThat((List) early.get("wellbeingMeasures")).hasSize(1);
        assertThat(early.get("status")).isEqualTo("ACCEPTED");
        assertThat(linkWorker.get(base + "?asOf=known-yesterday", PURPOSE).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(((List) linkWorker.get(base, PURPOSE).getBody().get("wellbeingMeasures"))).hasSize(2);
        assertThat(evaluator.get("/api/outcomes/statistics?instrument=SWEMWBS&asOf=outcomes-today").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(evaluator.get("/api/outcomes/statistics?instrument=SWEMWBS&asOf=early-days").getStatusCode())
                .as("a referral-summary snapshot cannot answer an outcomes read").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(evaluator.get("/api/outcomes/statistics?instrument=SWEMWBS&asOf=no-such").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(evaluator.get("/api/projections/checksums").getBody()).isEqualTo(checksums);

        assertThat(http.exchange("/api/projections/snapshots", HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(bearer()), List.class).getBody())
                .extracting(s -> ((Map) s).get("name")).contains("early-days", "known-yesterday", "outcomes-today");
        assertThat(evaluator.post("/api/projections/snapshots", Map.of("projection", "referral-summary",
                "name", "early-days", "asKnownOn", "2024-01-01")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(evaluator.post("/api/projections/snapshots", Map.of("projection", "referral-summary",
                "name", "both", "asKnownOn", "2024-01-01", "asHappenedBy", "2024-01-01")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(evaluator.post("/api/projections/snapshots", Map.of("projection", "nothing",
                "name", "x", "asKnownOn", "2024-01-01")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(evaluator.exchange(HttpMethod.DELETE, "/api/projections/snapshots/early-days", null, Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(evaluator.get("/api/projections/snapshots/early-days").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(linkWorker.get(base + "?asOf=early-days", PURPOSE).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = 'snapshot_early_days'",
                Long.class)).isZero();
    }

    private static void snapshot(ApiClient evaluator, Map<String, String> request) {
        ResponseEntity<Map> created = evaluator.post("/api/projections/snapshots", request);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = created.getHeaders().getLocation().toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> !"building".equals(evaluator.get(location).getBody().get("state")));
        assertThat(evaluator.get(location).getBody().get("state")).isEqualTo("ready");
    }

    private org.springframework.http.HttpHeaders bearer() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(tokens.mint("ev-1", Role.EVALUATOR, "QMF", Duration.ofMinutes(5)));
        return headers;
    }
}

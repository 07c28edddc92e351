package org.wayfinder.app.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;

/**
 * The longitudinal view over HTTP: the cohort matrix, comparisons between groups and the trajectory against
 * targets, each under the small-number policy the request names. A borough and need of its own keep these
 * referrals apart from other tests'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class OutcomeCohortsIT {

    private static final String RICHMOND = "E09000027";
    private static final String NEED = "digital-exclusion";

    @Autowired
    TestRestTemplate http;
    @Autowired
    DevelopmentTokens tokens;

    private ApiClient linkWorker;
    private ApiClient evaluator;

    @BeforeEach
    void users() {
        linkWorker = ApiClient.as(http, tokens, "lw-richmond-1", Role.LINK_WORKER, "H84021");
        evaluator = ApiClient.as(http, tokens, "evaluator-cohorts", Role.EVALUATOR, "QWE");
    }

    @Test
    void the_cohort_matrix_gives_n_mean_and_matched_change_per_cohort_and_time_point() {
        int year = 2019 + ThreadLocalRandom.current().nextInt(5);
        LocalDate referredOn = LocalDate.of(year, 4 + ThreadLocalRandom.current().nextInt(3), 10);
        // Ten baselines at raw 19 (metric 17.98); eight followed up on day 30 at raw 24 (21.54), all ten on day 70 at
        // raw 22 (19.98).
        for (int i = 0; i < 10; i++) {
            String referralId = receive(referredOn);
            measure(referralId, "BASELINE", referredOn.plusDays(1), 19);
            if (i < 8) {
                measure(referralId, "FOLLOW_UP", referredOn.plusDays(31), 24);
            }
            measure(referralId, "FOLLOW_UP", referredOn.plusDays(71), 22);
        }
        String query = "/api/outcomes/cohorts?instrument=SWEMWBS&cohort=quarter&boroughGssCode=" + RICHMOND
                + "&need=" + NEED + "&fromYear=" + year + "&toYear=" + year;
        String row = year + "-Q2";
        Map matrix = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> ok(evaluator.get(query)), m -> Integer.valueOf(10).equals(cell(m, row, "8-16").get("n")));

        assertThat((List) matrix.get("rows")).hasSize(4);
        assertThat((List) matrix.get("columns")).hasSize(5);
        assertThat(cell(matrix, row, "baseline")).containsEntry("n", 10).containsEntry("mean", 17.98)
                .containsEntry("sd", 0.0).doesNotContainKey("meanChange");
        // Eight is above NHS England's 1-7 and rounds to 10.
        assertThat(cell(matrix, row, "0-8")).containsEntry("n", 10).containsEntry("mean", 21.54)
                .containsEntry("meanChange", 3.56);
        assertThat(cell(matrix, row, "8-16")).containsEntry("mean", 19.98).containsEntry("meanChange", 2.0);
        assertThat(cell(matrix, row, "16-26")).containsEntry("n", 0).doesNotContainKey("mean");
        assertThat(cell(matrix, year + "-Q1", "baseline")).containsEntry("n", 0);
        assertThat(matrix).containsEntry("suppression", "nhs-england");

        Map threshold10 = ok(evaluator.get(query + "&suppression=threshold-10"));
        assertThat(cell(threshold10, row, "0-8")).containsEntry("n", "*").doesNotContainKey("mean");
        assertThat(cell(threshold10, row, "baseline")).containsEntry("n", 10).containsEntry("mean", 17.98);
        Map under5 = ok(evaluator.get(query + "&suppression=under-5&timePoints=baseline,4-6"));
        assertThat(cell(under5, row, "4-6")).containsEntry("n", 8).containsEntry("mean", 21.54);

        Map yearly = ok(evaluator.get("/api/outcomes/cohorts?instrument=SWEMWBS&boroughGssCode=" + RICHMOND
                + "&need=" + NEED));
        assertThat((List) yearly.get("rows")).hasSize(11);
        assertThat(cell(yearly, Integer.toString(year), "baseline").get("n")).isNotEqualTo(0);

        // The same referrals compared by borough, and by age band (not recorded: these people were never registered).
        Map byBorough = ok(evaluator.get("/api/outcomes/comparisons?instrument=SWEMWBS&by=borough&need=" + NEED
                + "&cohort=" + year + "-Q2&boroughGssCode=" + RICHMOND));
        List<Map> groups = (List<Map>) byBorough.get("groups");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0)).containsEntry("group", RICHMOND).containsEntry("pairs", 10)
                .containsEntry("meanChange", 2.0).containsEntry("suppressed", false);
        Map byAge = ok(evaluator.get("/api/outcomes/comparisons?instrument=SWEMWBS&by=ageBand&need=" + NEED
                + "&cohort=" + year + "-Q2&boroughGssCode=" + RICHMOND));
        assertThat((List<Map>) byAge.get("groups")).extracting(g -> g.get("group")).containsExactly("not recorded");

        // The statistics endpoint takes the same filters.
        Map statistics = ok(evaluator.get("/api/outcomes/statistics?instrument=SWEMWBS&need=" + NEED + "&cohort="
                + year + "-Q2&icb=QWE&boroughGssCode=" + RICHMOND + "&suppression=under-5"));
        assertThat((Map) statistics.get("counts")).containsEntry("pairs", 10);
        assertThat((Map) statistics.get("filters")).containsEntry("need", NEED).containsEntry("icbOdsCode", "QWE")
                .containsEntry("cohort", year + "-Q2");
        assertThat(statistics).containsEntry("suppression", "under-5");
    }

    @Test
    void the_trajectory_sets_actual_referrals_against_configured_targets() {
        Map trajectory = ok(evaluator.get("/api/outcomes/trajectory?measure=referrals&by=icb&period=year"
                + "&fromYear=2024&toYear=2026"));
        List<Map> rows = (List<Map>) trajectory.get("rows");
        assertThat(rows).hasSize(15);
        Map qmj2025 = rows.stream().filter(r -> "QMJ".equals(r.get("area")) && Integer.valueOf(2025)
                .equals(r.get("year"))).findFirst().orElseThrow();
        assertThat(qmj2025).containsEntry("target", 17800).containsKey("actual").containsKey("shareOfTarget");
        assertThat(trajectory.get("targetsSource").toString()).contains("Illustrative");
        Map london = ok(evaluator.get("/api/outcomes/trajectory?by=london&fromYear=2025&toYear=2025"));
        assertThat((List<Map>) london.get("rows")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("area", "London").containsEntry("target", 105900));
    }

    @Test
    void bad_parameters_are_400_naming_the_parameter() {
        for (String bad : List.of("/api/outcomes/cohorts?instrument=SWEMWBS&cohort=month",
                "/api/outcomes/cohorts?instrument=SWEMWBS&timePoints=8-4",
                "/api/outcomes/cohorts?instrument=SWEMWBS&timePoints=0-8,4-12",
                "/api/outcomes/cohorts?instrument=SWEMWBS&suppression=none",
                "/api/outcomes/comparisons?instrument=SWEMWBS&by=postcode",
                "/api/outcomes/statistics?instrument=SWEMWBS&icb=QXX",
                "/api/outcomes/statistics?instrument=SWEMWBS&need=unknown-need",
                "/api/outcomes/statistics?instrument=SWEMWBS&cohort=2025-Q5",
                "/api/outcomes/trajectory?measure=pairs",
                "/api/outcomes/trajectory?period=month")) {
            ResponseEntity<Map> response = evaluator.get(bad);
            assertThat(response.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).as(bad).containsKey("errors");
        }
        assertThat(ApiClient.as(http, tokens, "commissioner-3", Role.COMMISSIONER, "QWE")
                .get("/api/outcomes/cohorts?instrument=SWEMWBS").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static Map cell(Map matrix, String cohort, String column) {
        Map row = ((List<Map>) matrix.get("rows")).stream().filter(r -> cohort.equals(r.get("cohort"))).findFirst()
                .orElseThrow();
        return ((List<Map>) row.get("cells")).stream().filter(c -> column.equals(c.get("column"))).findFirst()
                .orElseThrow();
    }

    private String receive(LocalDate referredOn) {
        String referralId = UUID.randomUUID().toString();
        ok(linkWorker.post("/api/referrals", Map.of("referralId", referralId, "personId", UUID.randomUUID().toString(),
                "referredOn", referredOn.toString(), "source", "GP_PRACTICE", "boroughGssCode", RICHMOND,
                "needs", List.of(NEED))));
        return referralId;
    }

    private void measure(String referralId, String timePoint, LocalDate on, int raw) {
        ok(linkWorker.post("/api/referrals/" + referralId + "/wellbeing-measures", Map.of("instrument", "SWEMWBS",
                "timePoint", timePoint, "measuredOn", on.toString(), "itemResponses", items(raw))));
    }

    private static List<Integer> items(int raw) {
        List<Integer> items = new ArrayList<>();
        int rest = raw - 7;
        for (int i = 0; i < 7; i++) {
            int extra = Math.min(4, rest);
            items.add(1 + extra);
            rest -= extra;
        }
        return items;
    }

    private static Map ok(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
        return response.getBody();
    }
}

package org.wayfinder.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.projection.dashboard.DashboardProvidersProjection;
import org.wayfinder.projection.dashboard.DashboardReferralsProjection;
import org.wayfinder.projection.rebuild.ProjectionRebuilds;
import org.wayfinder.projection.rebuild.RebuildStatus;

/** The dashboards on a hand-built month with known counts ({@link DashboardScenario}), with and without suppression. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class DashboardScenarioIT {

    private static final String MONTH = "from=" + DashboardScenario.MONTH + "&to=" + DashboardScenario.MONTH;

    @Autowired
    TestRestTemplate http;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DashboardReferralsProjection projection;
    @Autowired
    DashboardProvidersProjection providers;
    @Autowired
    ProjectionRebuilds rebuilds;

    private ApiClient commissioner;

    @BeforeAll
    void scenario() {
        commissioner = ApiClient.as(http, tokens, "commissioner-1", Role.COMMISSIONER, "QMJ");
        DashboardScenario.recordOnce(jdbc, ApiClient.as(http, tokens, "admin-1", Role.ADMIN, "ADMIN"),
                ApiClient.as(http, tokens, "lw-scenario", Role.LINK_WORKER, "F83004"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(behind("/api/dashboards/volumes?" + MONTH)).isZero();
            assertThat(behind("/api/dashboards/providers?" + MONTH)).isZero();
        });
    }

    @Test
    void london_level_figures_are_the_exact_counts_and_name_no_suppression() {
        Map body = get("/api/dashboards/volumes?" + MONTH);
        assertThat(((Map) body.get("suppression")).get("policy")).isEqualTo("none");
        assertThat(values(body, "2010-06-01")).containsEntry("received", 25).containsEntry("accepted", 17)
                .containsEntry("declined", 3).containsEntry("peopleSupported", 17);
        assertThat(total(body)).containsEntry("received", 25);

        Map funnel = get("/api/dashboards/funnel?" + MONTH);
        assertThat(total(funnel)).containsEntry("received", 25).containsEntry("contacted", 15)
                .containsEntry("assessed", 12).containsEntry("connected", 10).containsEntry("attended", 9)
                .containsEntry("completed", 6).containsEntry("contactedRate", 0.6).containsEntry("overallRate", 0.24);

        Map waits = get("/api/dashboards/waits?" + MONTH);
        assertThat(total(waits)).containsEntry("firstContactReferrals", 15).containsEntry("firstContactMedianDays", 5.0)
                .containsEntry("firstContactP90Days", 12.0).containsEntry("firstActivityReferrals", 9)
                .containsEntry("firstActivityMedianDays", 19.0);
        // A whole financial year by borough reads the yearly histograms; from May, the monthly ones: the same.
        for (String period : List.of("from=2010-04&to=2011-03", "from=2010-05&to=2011-02")) {
            Map byBorough = get("/api/dashboards/waits?breakdown=borough&" + period);
            assertThat(values(byBorough, DashboardScenario.CAMDEN)).as(period).containsEntry("firstContactReferrals", 15)
                    .containsEntry("firstContactMedianDays", 5.0).containsEntry("firstContactP90Days", 12.0);
            assertThat(total(byBorough)).as(period).containsEntry("firstContactReferrals", 15);
        }

        Map attendance = get("/api/dashboards/attendance?" + MONTH);
        assertThat(total(attendance)).containsEntry("sessionsAttended", 18).containsEntry("sessionsMissed", 4)
                .containsEntry("attendanceRate", 0.8182).containsEntry("dnaRate", 0.1818);

        Map utilisation = get("/api/dashboards/utilisation?from=2010-06&to=2010-07");
        assertThat(total(utilisation)).containsEntry("sessions", 3).containsEntry("places", 36)
                .containsEntry("sessionsAttended", 18).containsEntry("utilisation", 0.5);

        Map wellbeing = get("/api/dashboards/wellbeing?" + MONTH);
        assertThat(total(wellbeing)).containsEntry("peopleWithBaseline", 9).containsEntry("matchedPeople", 6)
                .containsEntry("improved", 4).containsEntry("improvedShare", 0.6667);

        Map caseloads = get("/api/dashboards/caseloads?period=financial-year&" + MONTH);
        assertThat(values(caseloads, "2010-04-01")).containsEntry("linkWorkers", 1).containsEntry("belowSafeRange", 1)
                .containsEntry("withinSafeRange", 0).containsEntry("medianCaseload", 17.0);
    }

    @Test
    void below_london_level_counts_are_suppressed_and_rounded_by_the_named_policy() {
        Map camden = get("/api/dashboards/volumes?" + MONTH + "&borough=" + DashboardScenario.CAMDEN);
        assertThat(((Map) camden.get("suppression")).get("policy")).isEqualTo("nhs-england");
        assertThat(total(camden)).containsEntry("received", 25).containsEntry("accepted", 15)
                .containsEntry("declined", "*").containsEntry("peopleSupported", 15);

        Map threshold = get("/api/dashboards/volumes?" + MONTH + "&borough=" + DashboardScenario.CAMDEN
                + "&suppression=threshold-10");
        assertThat(((Map) threshold.get("suppression")).get("policy")).isEqualTo("threshold-10");
        assertThat(total(threshold)).containsEntry("received", 23).containsEntry("accepted", 17)
                .containsEntry("declined", "*");

        Map under5 = get("/api/dashboards/volumes?" + MONTH + "&borough=" + DashboardScenario.CAMDEN
                + "&suppression=under-5");
        assertThat(total(under5)).containsEntry("received", 23).containsEntry("declined", "*");
    }

    @Test
    void a_lone_small_cell_takes_the_next_smallest_with_it() {
        Map byBorough = get("/api/dashboards/volumes?" + MONTH + "&breakdown=borough");
        // Islington's 2 is primary-suppressed; Camden's 23 is hidden too, or 25 - 23 would give Islington away.
        assertThat(values(byBorough, DashboardScenario.ISLINGTON)).containsEntry("received", "*");
        assertThat(values(byBorough, DashboardScenario.CAMDEN)).containsEntry("received", "*")
                .containsEntry("accepted", 15).containsEntry("declined", "*");
        assertThat(total(byBorough)).containsEntry("received", 25);

        Map sources = get("/api/dashboards/sources?" + MONTH + "&borough=" + DashboardScenario.CAMDEN);
        assertThat(values(sources, "SELF_REFERRAL")).containsEntry("received", "*");
        assertThat(values(sources, "GP_PRACTICE")).containsEntry("received", "*");
        assertThat(total(sources)).containsEntry("received", 25);
    }

    @Test
    void provider_figures_are_suppressed_too() {
        // Sessions count in the month they happened: the scenario's run into July.
        Map providers = get("/api/dashboards/providers?from=2010-06&to=2010-07");
        assertThat(((List) providers.get("rows"))).hasSize(1);
        Map row = (Map) ((List) providers.get("rows")).get(0);
        assertThat(row.get("label")).isEqualTo("Camden Scenario Walkers");
        assertThat((Map) row.get("values")).containsEntry("connections", 10).containsEntry("sessionsAttended", 20)
                .containsEntry("sessionsMissed", "*");

        // The wellbeing of the referrals it served: 9 with a baseline, 6 matched, 4 improved (DashboardScenario).
        assertThat(jdbc.queryForMap("""
                SELECT sum(o.with_baseline) AS with_baseline, sum(o.matched) AS matched, sum(o.improved) AS improved
                FROM dash_provider_outcome o JOIN dash_provider p ON p.provider_id = o.provider_id
                WHERE p.name = 'Camden Scenario Walkers'""")).containsEntry("with_baseline", 9L)
                .containsEntry("matched", 6L).containsEntry("improved", 4L);
        Map under5 = get("/api/dashboards/providers?from=2010-06&to=2010-07&suppression=under-5");
        assertThat((Map) ((Map) ((List) under5.get("rows")).get(0)).get("values"))
                .containsEntry("peopleWithBaseline", 9).containsEntry("matchedPeople", 6).containsEntry("improved", "*");
        // The total is summed from the rows, so with one provider it carries the same figures.
        assertThat(total(under5)).containsEntry("connections", 10).containsEntry("sessionsAttended", 18)
                .containsEntry("peopleWithBaseline", 9).containsEntry("matchedPeople", 6);
    }

    @Test
    void every_response_says_how_current_it_is() {
        Map body = get("/api/dashboards/funnel?" + MONTH);
        Map freshness = (Map) ((List) body.get("freshness")).get(0);
        assertThat(freshness.get("processingGroup")).isEqualTo("dashboard-referrals");
        assertThat(freshness).containsKeys("eventsBehind", "secondsBehind", "deadLetters");
        assertThat(freshness.get("deadLetters")).isEqualTo(0);
    }

    @Test
    void the_csv_states_period_filters_policy_and_currency_and_holds_the_same_figures() {
        ResponseEntity<String> csv = commissioner.exchangeRaw(HttpMethod.GET, "/api/dashboards/volumes?" + MONTH
                + "&borough=" + DashboardScenario.CAMDEN + "&format=csv", null, null);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
        assertThat(csv.getBody()).contains("# Period: month from 2010-06-01 to 2010-06-30")
                .contains("# Filters: {borough=E09000007}").contains("# Suppression: nhs-england applied")
                .contains("# Data currency: projection dashboard-referrals is 0 event(s)")
                .contains("key,label,received,accepted,declined,peopleSupported")
                .contains("total,Total,25,15,*,15");
    }

    @Test
    void the_index_organises_the_views_by_principle() {
        Map index = get("/api/dashboards");
        List<Map> principles = (List<Map>) index.get("principles");
        assertThat(principles).extracting(p -> p.get("title")).contains("Localised provision", "Easy access",
                "Availability for all", "Supporting the workforce", "The VCSE as an equal partner", "Outcomes");
        assertThat(principles).allSatisfy(p -> assertThat((List) p.get("views")).isNotEmpty());
    }

    @Test
    void the_rollups_built_batch_by_batch_equal_a_rebuild_from_the_facts() {
        String checksum = """
                SELECT (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM dash_referral_rollup t)
                    || (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM dash_referral_wait t)
                    || (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM dash_referral_wait_year t)
                    || (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM dash_caseload t)""";
        String incremental = jdbc.queryForObject(checksum, String.class);
        projection.rebuildRollupsFromFacts();
        assertThat(jdbc.queryForObject(checksum, String.class)).isEqualTo(incremental);

        String capacity = "SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM dash_provider_capacity t";
        String batched = jdbc.queryForObject(capacity, String.class);
        assertThat(batched).isNotNull();
        providers.rebuildProviderCapacity();
        assertThat(jdbc.queryForObject(capacity, String.class)).isEqualTo(batched);

        String outcomes = "SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM dash_provider_outcome t";
        String outcomesBatched = jdbc.queryForObject(outcomes, String.class);
        assertThat(outcomesBatched).isNotNull();
        providers.rebuildProviderOutcomes();
        assertThat(jdbc.queryForObject(outcomes, String.class)).isEqualTo(outcomesBatched);
    }

    @Test
    void the_provider_rollups_built_batch_by_batch_equal_a_rebuild_from_the_facts() {
        String checksum = """
                SELECT (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM dash_provider_rollup t)
                    || (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM dash_activity_capacity t)""";
        String incremental = jdbc.queryForObject(checksum, String.class);
        providers.rebuildRollupsFromFacts();
        assertThat(jdbc.queryForObject(checksum, String.class)).isEqualTo(incremental);
    }

    @Test
    void a_rebuild_computes_the_rollups_and_totals_from_the_facts_and_they_equal_the_live_ones() {
        ApiClient evaluator = ApiClient.as(http, tokens, "ev-dashboards", Role.EVALUATOR, "QMF");
        Map live = evaluator.get("/api/projections/checksums").getBody();
        RebuildStatus started = rebuilds.start(List.of(DashboardReferralsProjection.PROCESSING_GROUP,
                DashboardProvidersProjection.PROCESSING_GROUP), "test");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> rebuilds.status(started.id()).orElseThrow().finished());
        RebuildStatus done = rebuilds.status(started.id()).orElseThrow();
        assertThat(done.state()).as(String.valueOf(done.failure())).isEqualTo(RebuildStatus.CAUGHT_UP);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dash_referral_rollup", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dash_provider_rollup", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT sum(attended_sessions) FROM dash_referral", Long.class)).isPositive();
        assertThat(evaluator.get("/api/projections/checksums").getBody()).isEqualTo(live);
    }

    @Test
    void bad_parameters_are_refused_naming_the_parameter() {
        assertRefused("/api/dashboards/volumes?period=week", "period");
        assertRefused("/api/dashboards/volumes?borough=Camden", "borough");
        assertRefused("/api/dashboards/volumes?suppression=none", "suppression");
        assertRefused("/api/dashboards/volumes?source=GP_PRACTICE&breakdown=sex", "breakdown");
        assertRefused("/api/dashboards/utilisation?borough=E09000007", "borough");
        assertRefused("/api/dashboards/volumes?bogus=1", "bogus");
        assertThat(commissioner.get("/api/dashboards/nothing").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void assertRefused(String path, String parameter) {
        ResponseEntity<Map> response = commissioner.get(path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat((List<Map>) response.getBody().get("errors")).extracting(e -> e.get("field")).containsExactly(parameter);
    }

    private long behind(String path) {
        Map freshness = (Map) ((List) get(path).get("freshness")).get(0);
        return ((Number) freshness.get("eventsBehind")).longValue();
    }

    private Map get(String path) {
        ResponseEntity<Map> response = commissioner.get(path);
        assertThat(response.getStatusCode()).as("%s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static Map<String, Object> values(Map body, String key) {
        return ((List<Map>) body.get("rows")).stream().filter(r -> key.equals(r.get("key"))).findFirst()
                .map(r -> (Map<String, Object>) r.get("values"))
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + body.get("rows")));
    }

    private static Map<String, Object> total(Map body) {
        return (Map<String, Object>) ((Map) body.get("total")).get("values");
    }
}

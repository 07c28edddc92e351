package org.wayfinder.app.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.kernel.person.EthnicCategory;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.WellbeingScoring;

/**
 * Times the evaluator endpoints on a generated history of London scale: not a test (its name matches neither
 * surefire's nor failsafe's patterns), run by {@code bin/benchmark-outcomes}. The outcomes read model is loaded
 * straight from the generator's files, row for row what the projection would write, because the import through the
 * event store takes about half an hour for london-year (docs/performance.md). Prints figures; asserts only that the
 * answers are well formed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfEnvironmentVariable(named = "WAYFINDER_BENCHMARK_HISTORY", matches = ".+")
@SuppressWarnings("rawtypes")
class OutcomesBenchmark {

    private static final int RUNS = 5;
    private static final int BATCH = 5000;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DevelopmentTokens tokens;

    @Test
    void time_the_evaluator_endpoints() throws Exception {
        Path history = Path.of(System.getenv("WAYFINDER_BENCHMARK_HISTORY"));
        long loadStart = System.nanoTime();
        load(history);
        jdbc.execute("ANALYZE");
        report("load read model from files (not timed as an endpoint)", List.of(System.nanoTime() - loadStart));
        report("rows: outcome_referral " + count("outcome_referral") + ", wellbeing_outcome "
                + count("wellbeing_outcome") + ", outcome_person " + count("outcome_person"), List.of());

        org.wayfinder.app.support.ApiClient evaluator = org.wayfinder.app.support.ApiClient.as(http, tokens,
                "benchmark-evaluator", org.wayfinder.kernel.access.Role.EVALUATOR, "QMF");
        for (String path : List.of(
                "/api/outcomes/cohorts?instrument=SWEMWBS&cohort=year",
                "/api/outcomes/cohorts?instrument=SWEMWBS&cohort=quarter",
                "/api/outcomes/cohorts?instrument=SWEMWBS&cohort=quarter&icb=QMF&suppression=threshold-10",
                "/api/outcomes/statistics?instrument=SWEMWBS",
                "/api/outcomes/comparisons?instrument=SWEMWBS&by=need",
                "/api/outcomes/comparisons?instrument=SWEMWBS&by=imdQuintile",
                "/api/outcomes/comparisons?instrument=SWEMWBS&by=activityCategory",
                "/api/outcomes/trajectory?by=icb")) {
            List<Long> times = new ArrayList<>();
            for (int run = 0; run <= RUNS; run++) {
                long start = System.nanoTime();
                ResponseEntity<Map> response = evaluator.get(path);
                long took = System.nanoTime() - start;
                assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
                if (run > 0) {
                    times.add(took);
                } else {
                    report(path + " first call (cold)", List.of(took));
                }
            }
            report(path, times);
        }
        for (String kind : List.of("event-level", "person-level")) {
            long start = System.nanoTime();
            ResponseEntity<Map> accepted = evaluator.post("/api/exports", Map.of("kind", kind,
                    "purpose", "Benchmark of the export path", "exportKey", "benchmark"));
            String id = (String) accepted.getBody().get("exportId");
            Map done = await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> evaluator.get("/api/exports/" + id).getBody(),
                            s -> "DONE".equals(s.get("state")) || "FAILED".equals(s.get("state")));
            report("export " + kind + ": " + done.get("rowsDone") + " rows, " + done.get("fileBytes") + " bytes, "
                    + done.get("state"), List.of(System.nanoTime() - start));
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private static void report(String what, List<Long> nanos) {
        if (nanos.isEmpty()) {
            System.out.println("BENCHMARK " + what);
            return;
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        System.out.printf("BENCHMARK %s: runs %d, min %.0f ms, median %.0f ms, max %.0f ms%n", what, sorted.size(),
                sorted.get(0) / 1e6, sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }

    private void load(Path history) throws IOException {
        jdbc.execute("TRUNCATE wellbeing_outcome, outcome_referral, outcome_person_alias, outcome_person, "
                + "outcome_activity, outcome_referral_activity");
        batches(history.resolve("people.csv"), """
                INSERT INTO outcome_person (person_id, age_band, sex, ethnic_group, imd_decile, imd_edition)
                VALUES (?, ?, ?, ?, ?::smallint, ?) ON CONFLICT DO NOTHING""", r -> new Object[] {r.get("person_id"),
                r.get("age_band").isEmpty() ? null : "AGE_" + r.get("age_band").replace("-", "_").replace("+", "_PLUS"),
                Map.of("F", "FEMALE", "M", "MALE", "O", "OTHER").get(r.get("sex")),
                EthnicCategory.byCode(r.get("ethnic_category")).map(c -> c.broadGroup().name()).orElse(null),
                r.get("imd_decile").isEmpty() ? null : r.get("imd_decile"),
                r.get("imd_edition").isEmpty() ? null : r.get("imd_edition")});
        batches(history.resolve("people.csv"), """
                INSERT INTO outcome_person_alias (person_id, survivor_id, merged_on)
                SELECT ?, ?, ?::date WHERE ?::text <> '' ON CONFLICT DO NOTHING""", r -> new Object[] {
                r.get("person_id"), r.get("merged_into_person_id"),
                r.get("merged_on").isEmpty() ? null : r.get("merged_on"), r.get("merged_into_person_id")});
        batches(history.resolve("activities.csv"), """
                INSERT INTO outcome_activity (activity_id, category) VALUES (?, ?) ON CONFLICT DO NOTHING""",
                r -> new Object[] {r.get("activity_id"), r.get("taxonomy").split("\\|")[0]});
        batches(history.resolve("referrals.csv"), """
                INSERT INTO outcome_referral (referral_id, person_id, referred_on, cohort_year, cohort_quarter,
                    cohort_financial_year, borough_gss_code, source, needs)
                VALUES (?, ?, ?::date, ?, ?, ?, ?, ?, string_to_array(?, '|'))""", r -> {
            LocalDate on = LocalDate.parse(r.get("referred_on"));
            int start = on.getMonthValue() >= 4 ? on.getYear() : on.getYear() - 1;
            return new Object[] {r.get("referral_id"), r.get("person_id"), r.get("referred_on"), on.getYear(),
                    (on.getMonthValue() - 1) / 3 + 1, start + "/" + String.format("%02d", (start + 1) % 100),
                    r.get("borough_gss_code"), r.get("source"), r.get("needs").isEmpty() ? "" : r.get("needs")};
        });
        jdbc.update("UPDATE outcome_referral SET needs = '{}' WHERE needs = '{\"\"}'");
        batches(history.resolve("connections.csv"), """
                INSERT INTO outcome_referral_activity (referral_id, activity_id, connected_on) VALUES (?, ?, ?::date)
                ON CONFLICT DO NOTHING""", r -> new Object[] {r.get("referral_id"), r.get("activity_id"),
                r.get("connected_on")});
        batches(history.resolve("wellbeing.csv"), """
                INSERT INTO wellbeing_outcome (referral_id, measure_id, person_id, referral_person_id, instrument,
                    instrument_version, time_point, measured_on, days_since_baseline, score_hundredths, swemwbs_raw,
                    swemwbs_metric_hundredths, wemwbs_total, ons_life_satisfaction, ons_worthwhile, ons_happiness,
                    ons_anxiety, ucla3_total, voided, corrected, referred_on, cohort_year, cohort_quarter,
                    cohort_financial_year, borough_gss_code, source, needs)
                SELECT r.referral_id, ?, COALESCE(a.survivor_id, r.person_id), r.person_id, ?, '1', ?, ?::date, NULL,
                    ?::integer, ?::integer, ?::integer, ?::integer, ?::integer, ?::integer, ?::integer, ?::integer,
                    ?::integer, FALSE, FALSE, r.referred_on, r.cohort_year, r.cohort_quarter, r.cohort_financial_year,
                    r.borough_gss_code, r.source, r.needs
                FROM outcome_referral r LEFT JOIN outcome_person_alias a ON a.person_id = r.person_id
                WHERE r.referral_id = ?""", OutcomesBenchmark::measure);
    }

    private static Object[] measure(CSVRecord r) {
        Instrument instrument = Instrument.valueOf(r.get("instrument"));
        List<Integer> items = Arrays.stream(r.get("item_responses").split("\\|")).map(Integer::valueOf).toList();
        Integer score = null;
        Integer raw = null;
        Integer metric = null;
        Integer wemwbs = null;
        Integer[] ons = new Integer[4];
        Integer ucla = null;
        switch (instrument) {
            case SWEMWBS -> {
                var s = WellbeingScoring.swemwbs(items);
                raw = s.raw();
                metric = s.metricHundredths();
                score = metric;
            }
            case WEMWBS -> {
                wemwbs = WellbeingScoring.wemwbs(items).total();
                score = wemwbs * 100;
            }
            case ONS4 -> {
                var o = WellbeingScoring.ons4(items);
                ons = new Integer[] {o.lifeSatisfaction(), o.worthwhile(), o.happiness(), o.anxiety()};
            }
            default -> {
                ucla = WellbeingScoring.ucla3(items).total();
                score = ucla * 100;
            }
        }
        return new Object[] {r.get("measure_id"), instrument.name(), r.get("time_point"), r.get("measured_on"), score,
                raw, metric, wemwbs, ons[0], ons[1], ons[2], ons[3], ucla, r.get("referral_id")};
    }

    private void batches(Path file, String sql, Function<CSVRecord, Object[]> row) throws IOException {
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<Object[]> batch = new ArrayList<>(BATCH);
            for (CSVRecord record : parser) {
                batch.add(row.apply(record));
                if (batch.size() == BATCH) {
                    jdbc.batchUpdate(sql, batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                jdbc.batchUpdate(sql, batch);
            }
        }
    }
}

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
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
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
import org.wayfinder.projection.outcomes.WellbeingOutcomesProjection;

/**
 * Wellbeing outcomes end to end: measures recorded, corrected and voided over HTTP, projected into
 * wellbeing_outcome, and read back as matched-pair statistics by an evaluator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class OutcomesIT {

    private static final String CITY_OF_LONDON = "E09000001";
    private static final String ISLINGTON = "E09000019";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    EventProcessingConfiguration eventProcessing;

    private ApiClient linkWorker;
    private ApiClient evaluator;
    // A referral date of its own, so that other tests' referrals never fall inside this test's filter.
    private LocalDate referredOn;

    @BeforeEach
    void users() {
        linkWorker = ApiClient.as(http, tokens, "lw-city-3", Role.LINK_WORKER, "F84747");
        evaluator = ApiClient.as(http, tokens, "evaluator-1", Role.EVALUATOR, "QMF");
        referredOn = LocalDate.now().minusDays(400 + ThreadLocalRandom.current().nextInt(3000));
    }

    @Test
    void matched_pairs_are_counted_and_summarised_with_small_numbers_suppressed() {
        LocalDate baselineOn = referredOn.plusDays(1);
        LocalDate inWindow = baselineOn.plusDays(60);
        List<String> referrals = new ArrayList<>();
        // Nine pairs from raw 19 (metric 17.98) to raw 18..26: changes -0.55, 0, 0.61, 1.27, 2.00, 2.75, 3.56,
        // 4.37, 5.23 metric points.
        for (int followUpRaw = 18; followUpRaw <= 26; followUpRaw++) {
            String referralId = receive(UUID.randomUUID().toString());
            referrals.add(referralId);
            measure(referralId, "BASELINE", baselineOn, 19);
            measure(referralId, "FOLLOW_UP", inWindow, followUpRaw);
        }
        // A baseline recorded as raw 30, corrected to raw 19, followed by raw 22: a change of 2.00 once rescored.
        String corrected = receive(UUID.randomUUID().toString());
        String wrongBaseline = measure(corrected, "BASELINE", baselineOn, 30);
        ok(linkWorker.post("/api/referrals/" + corrected + "/wellbeing-measures/" + wrongBaseline + "/correction",
                Map.of("itemResponses", items(19), "reason", "Transcribed from the wrong form")));
        measure(corrected, "EXIT", inWindow, 22);
        // A follow-up too early for the window, and one voided: two baselines without a pair.
        String early = receive(UUID.randomUUID().toString());
        measure(early, "BASELINE", baselineOn, 19);
        measure(early, "FOLLOW_UP", baselineOn.plusDays(20), 30);
        String voided = receive(UUID.randomUUID().toString());
        measure(voided, "BASELINE", baselineOn, 19);
        String voidedFollowUp = measure(voided, "FOLLOW_UP", inWindow, 35);
        ok(linkWorker.post("/api/referrals/" + voided + "/wellbeing-measures/" + voidedFollowUp + "/voiding",
                Map.of("reason", "Answered by a carer, not the person")));

        Map body = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> statistics("instrument=SWEMWBS&boroughGssCode=" + CITY_OF_LONDON),
                        s -> Integer.valueOf(10).equals(((Map) s.get("counts")).get("pairs"))
                                && ((Map) s.get("change")).get("mean") instanceof Number mean
                                && Math.abs(mean.doubleValue() - 2.124) < 1e-9
                                && "*".equals(((Map) s.get("counts")).get("withoutFollowUpInWindow")));

        assertThat(body).containsEntry("instrument", "SWEMWBS").containsEntry("direction", "HIGHER_IS_BETTER")
                .containsEntry("suppressed", false);
        // 10 pairs, 12 baselines (published rounded to 10), 2 without a follow-up in the window (published "*").
        assertThat((Map) body.get("counts")).containsEntry("pairs", 10).containsEntry("baselines", 10)
                .containsEntry("withoutFollowUpInWindow", "*").containsEntry("withoutFollowUpWindowStillOpen", 0);
        assertThat((Map) body.get("baseline")).containsEntry("mean", 17.98);
        assertThat((Map) body.get("window")).containsEntry("fromDays", 56).containsEntry("toDays", 112);
        assertThat((Map) body.get("threshold")).containsEntry("hundredths", 103).containsEntry("alternativeHundredths", 287);
        // Seven of the ten changes reach 1.03 points: a count of 1-7, so it and its share are suppressed.
        assertThat((Map) body.get("meaningfulImprovement")).containsEntry("improved", "*").containsEntry("share", "*");
        assertThat((Map) body.get("pairedTTest")).containsEntry("df", 9).containsKey("pTwoSided");
        assertThat(((Map) body.get("wilcoxonSignedRank")).get("method").toString()).contains("zero differences dropped");
        assertThat(body.get("warning").toString()).contains("Fewer than 30 matched pairs");
        assertThat(jdbc.queryForObject("""
                SELECT corrected AND swemwbs_raw = 19 AND swemwbs_metric_hundredths = 1798 FROM wellbeing_outcome
                WHERE referral_id = ? AND measure_id = ?""", Boolean.class, corrected, wrongBaseline)).isTrue();

        // A window that only the early follow-up meets: one pair, so counts are "*" and no means are shown.
        Map few = statistics("instrument=SWEMWBS&windowFromDays=10&windowToDays=30&boroughGssCode=" + CITY_OF_LONDON);
        assertThat((Map) few.get("counts")).containsEntry("pairs", "*");
        assertThat(few).containsEntry("suppressed", true).doesNotContainKeys("baseline", "followUp", "change",
                "pairedTTest", "wilcoxonSignedRank", "cohensDz");

        // A rebuild replays each measure, its correction and its voiding in one batch: the same figures return.
        TrackingEventProcessor processor = eventProcessing.eventProcessor(WellbeingOutcomesProjection.PROCESSING_GROUP,
                TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !processor.isReplaying() && statistics("instrument=SWEMWBS&boroughGssCode="
                        + CITY_OF_LONDON).equals(body));
    }

    @Test
    void a_merged_duplicates_outcomes_belong_to_the_survivor() {
        String duplicate = register();
        String survivor = register();
        // Islington, so that these baselines never join the City of London figures of another test.
        String referralId = receive(duplicate, ISLINGTON);
        measure(referralId, "BASELINE", referredOn.plusDays(1), 19);
        ok(linkWorker.post("/api/people/" + duplicate + "/merge", Map.of("survivorId", survivor,
                "reason", "duplicate registration")));
        String later = receive(duplicate, ISLINGTON);
        measure(later, "BASELINE", referredOn.plusDays(2), 20);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM wellbeing_outcome WHERE person_id = ? AND referral_person_id = ?", Long.class,
                survivor, duplicate) == 2);

        // The survivor turns out to be a duplicate too: everything follows to the last survivor.
        String lastSurvivor = register();
        ok(linkWorker.post("/api/people/" + survivor + "/merge", Map.of("survivorId", lastSurvivor,
                "reason", "duplicate registration")));
        String afterChain = receive(duplicate, ISLINGTON);
        measure(afterChain, "BASELINE", referredOn.plusDays(3), 21);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM wellbeing_outcome WHERE person_id = ? AND referral_person_id = ?", Long.class,
                lastSurvivor, duplicate) == 3);
    }

    @Test
    void each_ons4_rating_is_matched_on_its_own() {
        String referralId = receive(UUID.randomUUID().toString(), ISLINGTON);
        ok(linkWorker.post("/api/referrals/" + referralId + "/wellbeing-measures", Map.of("instrument", "ONS4",
                "timePoint", "BASELINE", "measuredOn", referredOn.plusDays(1).toString(),
                "itemResponses", List.of(4, 5, 4, 8))));
        ok(linkWorker.post("/api/referrals/" + referralId + "/wellbeing-measures", Map.of("instrument", "ONS4",
                "timePoint", "FOLLOW_UP", "measuredOn", referredOn.plusDays(71).toString(),
                "itemResponses", List.of(6, 6, 6, 5))));

        Map anxiety = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> statistics("instrument=ONS4&measure=anxiety&boroughGssCode=" + ISLINGTON),
                        s -> "*".equals(((Map) s.get("counts")).get("pairs")));
        assertThat(anxiety).containsEntry("suppressed", true).containsEntry("direction", "LOWER_IS_BETTER");
    }

    @Test
    void only_evaluators_may_read_statistics_and_bad_parameters_are_400() {
        assertThat(ApiClient.as(http, tokens, "commissioner-1", Role.COMMISSIONER, "QMF")
                .get("/api/outcomes/statistics?instrument=SWEMWBS").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(evaluator.get("/api/outcomes/statistics?instrument=ONS4").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(evaluator.get("/api/outcomes/statistics?instrument=SWEMWBS&windowFromDays=120&windowToDays=60")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(evaluator.get("/api/outcomes/statistics?instrument=SWEMWBS&boroughGssCode=W06000015")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map> anxiety = evaluator.get("/api/outcomes/statistics?instrument=ONS4&measure=anxiety"
                + "&referredFrom=" + referredOn + "&referredTo=" + referredOn);
        assertThat(anxiety.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anxiety.getBody()).containsEntry("direction", "LOWER_IS_BETTER").containsEntry("measure", "anxiety");
        assertThat(evaluator.get("/api/outcomes/statistics?instrument=SWEMWBS&pairsPerPerson=SOME").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map> allLondon = evaluator.get("/api/outcomes/statistics?instrument=UCLA3&pairsPerPerson=FIRST");
        assertThat(allLondon.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(allLondon.getBody()).containsEntry("direction", "LOWER_IS_BETTER")
                .containsEntry("filters", Map.of());
    }

    private Map statistics(String parameters) {
        ResponseEntity<Map> response = evaluator.get("/api/outcomes/statistics?" + parameters
                + "&referredFrom=" + referredOn + "&referredTo=" + referredOn);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private String register() {
        String personId = UUID.randomUUID().toString();
        ok(linkWorker.post("/api/people", Map.of("personId", personId, "givenName", "Test", "familyName", "Person",
                "dateOfBirth", "1960-01-01")));
        return personId;
    }

    private String receive(String personId) {
        return receive(personId, CITY_OF_LONDON);
    }

    private String receive(String personId, String borough) {
        String referralId = UUID.randomUUID().toString();
        ok(linkWorker.post("/api/referrals", Map.of("referralId", referralId, "personId", personId,
                "referredOn", referredOn.toString(), "source", "GP_PRACTICE", "boroughGssCode", borough,
                "needs", List.of("loneliness-isolation"))));
        return referralId;
    }

    private String measure(String referralId, String timePoint, LocalDate on, int swemwbsRaw) {
        ResponseEntity<Map> response = linkWorker.post("/api/referrals/" + referralId + "/wellbeing-measures", Map.of(
                "instrument", "SWEMWBS", "timePoint", timePoint, "measuredOn", on.toString(),
                "itemResponses", items(swemwbsRaw)));
        ok(response);
        return (String) response.getBody().get("id");
    }

    /** Seven SWEMWBS responses (1..5 each) that sum to the raw score. */
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

    private static void ok(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
    }
}

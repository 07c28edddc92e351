package org.wayfinder.command.history.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wayfinder.kernel.geography.LondonBorough;
import org.wayfinder.kernel.wellbeing.WellbeingScoring;

/** The figures docs/generator.md promises, checked on the demo scale. */
class GeneratedHistoryIsRealisticTest {

    @TempDir
    static Path out;

    static List<Map<String, String>> referrals;
    static List<Map<String, String>> measures;

    @BeforeAll
    static void generateDemo() {
        GeneratedFiles.generate(out, Scale.DEMO, 2019, null);
        referrals = GeneratedFiles.rows(out, ImportFile.REFERRALS);
        measures = GeneratedFiles.rows(out, ImportFile.WELLBEING);
    }

    @Test
    void every_london_borough_has_referrals() {
        Set<String> boroughs = referrals.stream().map(r -> r.get("borough_gss_code")).collect(Collectors.toSet());

        assertThat(boroughs).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(LondonBorough.values()).map(LondonBorough::gssCode).toList());
    }

    @Test
    void swemwbs_baselines_average_near_nineteen_and_a_half() {
        double mean = swemwbs("BASELINE").values().stream().mapToInt(Integer::intValue).average().orElseThrow() / 100;

        assertThat(swemwbs("BASELINE")).hasSizeGreaterThan(2000);
        assertThat(mean).isBetween(18.5, 20.5);
    }

    @Test
    void a_minority_of_people_with_a_baseline_have_a_follow_up_and_they_improve_on_average() {
        Map<String, Integer> baselines = swemwbs("BASELINE");
        Map<String, Integer> followUps = swemwbs("FOLLOW_UP");
        double share = (double) followUps.size() / baselines.size();
        double meanChange = followUps.entrySet().stream()
                .mapToInt(e -> e.getValue() - baselines.get(e.getKey())).average().orElseThrow() / 100;

        assertThat(share).isBetween(0.25, 0.50);
        assertThat(meanChange).isBetween(1.0, 3.0);
    }

    @Test
    void attrition_is_substantial() {
        long declined = referrals.stream().filter(r -> !r.get("declined_on").isEmpty()).count();
        long neverContacted = referrals.stream()
                .filter(r -> !r.get("accepted_on").isEmpty() && r.get("first_contact_on").isEmpty()
                        && r.get("outcome").equals("DISENGAGED")).count();

        assertThat(declined / (double) referrals.size()).isBetween(0.12, 0.18);
        assertThat(neverContacted / (double) referrals.size()).isBetween(0.12, 0.18);
    }

    @Test
    void some_people_are_referred_again_years_later() {
        Map<String, Long> perPerson = referrals.stream()
                .collect(Collectors.groupingBy(r -> r.get("person_id"), Collectors.counting()));

        assertThat(perPerson.values().stream().filter(n -> n > 1).count()).isGreaterThan(100);
    }

    /** Metric hundredths by referral, for one time point. */
    private static Map<String, Integer> swemwbs(String timePoint) {
        Map<String, Integer> scores = new HashMap<>();
        measures.stream()
                .filter(m -> m.get("instrument").equals("SWEMWBS") && m.get("time_point").equals(timePoint))
                .forEach(m -> scores.put(m.get("referral_id"), WellbeingScoring.swemwbs(
                        Arrays.stream(m.get("item_responses").split("\\|")).map(Integer::valueOf).toList())
                        .metricHundredths()));
        return scores;
    }
}

package org.wayfinder.kernel.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwemwbsScoringTest {

    @ParameterizedTest(name = "swemwbs raw {0} converts to metric {1}")
    @CsvSource({
        "7, 7.00", "8, 9.51", "9, 11.25", "10, 12.40", "11, 13.33", "12, 14.08", "13, 14.75",
        "14, 15.32", "15, 15.84", "16, 16.36", "17, 16.88", "18, 17.43", "19, 17.98", "20, 18.59",
        "21, 19.25", "22, 19.98", "23, 20.73", "24, 21.54", "25, 22.35", "26, 23.21", "27, 24.11",
        "28, 25.03", "29, 26.02", "30, 27.03", "31, 28.13", "32, 29.31", "33, 30.70", "34, 32.55",
        "35, 35.00"
    })
    void every_row_of_the_official_conversion_table_is_reproduced(int raw, String metric) {
        int hundredths = Integer.parseInt(metric.replace(".", ""));

        SwemwbsScore score = WellbeingScoring.swemwbs(responsesSummingTo(raw));

        assertThat(score.raw()).isEqualTo(raw);
        assertThat(score.metricHundredths()).isEqualTo(hundredths);
        assertThat(SwemwbsScore.metricHundredths(raw)).isEqualTo(hundredths);
    }

    @Test
    void swemwbs_raw_15_converts_to_metric_15_84() {
        SwemwbsScore score = WellbeingScoring.swemwbs(List.of(1, 2, 3, 2, 3, 2, 2));

        assertThat(score).isEqualTo(new SwemwbsScore(15, 1584));
        assertThat(score.instrument()).isEqualTo(Instrument.SWEMWBS);
    }

    @Test
    void scoring_through_the_instrument_gives_the_swemwbs_score() {
        assertThat(WellbeingScoring.score(Instrument.SWEMWBS, List.of(5, 5, 5, 5, 5, 5, 5)))
                .isEqualTo(SwemwbsScore.ofRaw(35));
    }

    @Test
    void lowest_and_highest_responses_give_the_ends_of_the_scale() {
        assertThat(WellbeingScoring.swemwbs(Collections.nCopies(7, 1))).isEqualTo(new SwemwbsScore(7, 700));
        assertThat(WellbeingScoring.swemwbs(Collections.nCopies(7, 5))).isEqualTo(new SwemwbsScore(35, 3500));
    }

    @Test
    void a_metric_score_that_is_not_the_conversion_of_its_raw_score_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SwemwbsScore(15, 1500));
    }

    @Test
    void raw_scores_outside_7_to_35_have_no_conversion() {
        assertThatIllegalArgumentException().isThrownBy(() -> SwemwbsScore.metricHundredths(6));
        assertThatIllegalArgumentException().isThrownBy(() -> SwemwbsScore.metricHundredths(36));
    }

    /** Seven responses of 1..5 with the given sum, spread as evenly as the scale allows. */
    static List<Integer> responsesSummingTo(int raw) {
        List<Integer> items = new ArrayList<>(Collections.nCopies(7, 1));
        int extra = raw - 7;
        for (int i = 0; extra > 0; i = (i + 1) % 7) {
            if (items.get(i) < 5) {
                items.set(i, items.get(i) + 1);
                extra--;
            }
        }
        return items;
    }
}

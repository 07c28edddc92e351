package org.wayfinder.kernel.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.wayfinder.kernel.wellbeing.WellbeingScoring.SWEMWBS_MEANINGFUL_CHANGE_2_77_SEM_HUNDREDTHS;
import static org.wayfinder.kernel.wellbeing.WellbeingScoring.SWEMWBS_MEANINGFUL_CHANGE_HUNDREDTHS;
import static org.wayfinder.kernel.wellbeing.WellbeingScoring.WEMWBS_MEANINGFUL_CHANGE_POINTS;
import static org.wayfinder.kernel.wellbeing.WellbeingScoring.meaningfulImprovement;

import org.junit.jupiter.api.Test;

class MeaningfulChangeTest {

    @Test
    void the_defaults_are_1_03_and_2_87_swemwbs_points_and_3_wemwbs_points() {
        assertThat(SWEMWBS_MEANINGFUL_CHANGE_HUNDREDTHS).isEqualTo(103);
        assertThat(SWEMWBS_MEANINGFUL_CHANGE_2_77_SEM_HUNDREDTHS).isEqualTo(287);
        assertThat(WEMWBS_MEANINGFUL_CHANGE_POINTS).isEqualTo(3);
    }

    @Test
    void swemwbs_14_75_to_15_84_is_a_meaningful_improvement_at_1_03() {
        // 15.84 - 14.75 is 1.0899999999999999 in doubles; in hundredths it is exactly 109.
        assertThat(meaningfulImprovement(1475, 1584, 103)).isTrue();
        assertThat(meaningfulImprovement(SwemwbsScore.ofRaw(13), SwemwbsScore.ofRaw(15),
                SWEMWBS_MEANINGFUL_CHANGE_HUNDREDTHS)).isTrue();
    }

    @Test
    void swemwbs_14_75_to_15_32_is_not_a_meaningful_improvement_at_1_03() {
        assertThat(meaningfulImprovement(1475, 1532, 103)).isFalse();
        assertThat(meaningfulImprovement(SwemwbsScore.ofRaw(13), SwemwbsScore.ofRaw(14),
                SWEMWBS_MEANINGFUL_CHANGE_HUNDREDTHS)).isFalse();
    }

    @Test
    void a_change_exactly_at_the_threshold_counts() {
        assertThat(meaningfulImprovement(1900, 2003, 103)).isTrue();
        assertThat(meaningfulImprovement(1900, 2002, 103)).isFalse();
    }

    @Test
    void the_same_change_may_pass_1_sem_but_not_2_77_sem() {
        // 19.98 -> 21.54 is 1.56 points.
        SwemwbsScore baseline = SwemwbsScore.ofRaw(22);
        SwemwbsScore followUp = SwemwbsScore.ofRaw(24);

        assertThat(meaningfulImprovement(baseline, followUp, SWEMWBS_MEANINGFUL_CHANGE_HUNDREDTHS)).isTrue();
        assertThat(meaningfulImprovement(baseline, followUp, SWEMWBS_MEANINGFUL_CHANGE_2_77_SEM_HUNDREDTHS)).isFalse();
    }

    @Test
    void a_decline_is_not_an_improvement() {
        assertThat(meaningfulImprovement(SwemwbsScore.ofRaw(20), SwemwbsScore.ofRaw(15), 103)).isFalse();
    }

    @Test
    void wemwbs_improvement_is_judged_in_whole_points() {
        assertThat(meaningfulImprovement(new WemwbsScore(40), new WemwbsScore(43), WEMWBS_MEANINGFUL_CHANGE_POINTS))
                .isTrue();
        assertThat(meaningfulImprovement(new WemwbsScore(40), new WemwbsScore(42), WEMWBS_MEANINGFUL_CHANGE_POINTS))
                .isFalse();
    }

    @Test
    void a_negative_threshold_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> meaningfulImprovement(1475, 1584, -1));
    }
}

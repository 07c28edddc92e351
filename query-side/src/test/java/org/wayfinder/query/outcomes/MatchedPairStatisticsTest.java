package org.wayfinder.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.wayfinder.query.outcomes.MatchedPairStatistics.Direction;
import org.wayfinder.query.outcomes.MatchedPairStatistics.Pair;
import org.wayfinder.query.outcomes.MatchedPairStatistics.Result;

/**
 * Every figure is pinned to R 4.2.2 (stats package), computed once by
 * src/test/resources/outcomes/matched-pairs.R; its output is matched-pairs.Rout. R is not needed to run this.
 * Scores are SWEMWBS metric hundredths; R was given them divided by 100, so f and b below are in points.
 */
class MatchedPairStatisticsTest {

    private static final Offset<Double> R_PRECISION = within(1e-9);

    // n = 12 with tied absolute differences (2.75, 2.37, 0.81 twice each) and one zero difference.
    static final int[] BASELINE_12 = {1798, 1859, 1688, 2073, 1925, 1743, 1998, 1636, 2154, 1859, 1798, 1925};
    static final int[] FOLLOW_UP_12 = {2073, 1859, 1925, 2154, 1798, 2073, 2235, 1743, 2073, 2154, 2073, 2235};

    // n = 40, drawn around baseline 19.5 (SD 4) and change +2 (SD 3.5), snapped to the SWEMWBS conversion
    // table: one zero difference and ties.
    static final int[] BASELINE_40 = {1998, 1688, 2321, 1636, 2602, 1333, 2503, 1743, 1532, 2235, 1859, 1743, 951,
        1998, 1743, 1998, 1925, 1636, 1333, 2154, 2073, 1240, 1859, 1925, 2411, 2503, 1408, 1333, 1798, 1125, 1998,
        2235, 2235, 1584, 2073, 2503, 1688, 1333, 2602, 1743};
    static final int[] FOLLOW_UP_40 = {2154, 1925, 2602, 1333, 3500, 1688, 2235, 1688, 1240, 2503, 1636, 1743, 1475,
        1859, 1408, 2073, 1859, 1584, 1688, 2703, 2602, 951, 951, 2235, 2931, 2321, 1532, 2813, 1636, 1408, 2235,
        2602, 2411, 1743, 1925, 2931, 2154, 1584, 3070, 1925};

    // n = 10 without ties or zero differences: the exact Wilcoxon distribution applies.
    static final int[] BASELINE_10 = {1584, 1798, 2073, 1688, 1925, 2235, 1475, 1859, 2154, 1743};
    static final int[] FOLLOW_UP_10 = {1859, 1743, 2411, 1998, 2321, 2154, 1688, 2503, 2321, 1925};

    @Test
    void twelve_pairs_with_ties_and_a_zero_match_r() {
        Result r = MatchedPairStatistics.of(pairs(BASELINE_12, FOLLOW_UP_12), Direction.HIGHER_IS_BETTER, 103, 287);

        assertThat(r.n()).isEqualTo(12);
        // mean(b), sd(b), mean(f), sd(f), mean(f - b), sd(f - b)
        assertThat(r.baseline().mean()).isCloseTo(18.7133333333333, R_PRECISION);
        assertThat(r.baseline().sd()).isCloseTo(1.5341466880993, R_PRECISION);
        assertThat(r.followUp().mean()).isCloseTo(20.3291666666667, R_PRECISION);
        assertThat(r.followUp().sd()).isCloseTo(1.64746338534749, R_PRECISION);
        assertThat(r.change().mean()).isCloseTo(1.61583333333333, R_PRECISION);
        assertThat(r.change().sd()).isCloseTo(1.6039806070769, R_PRECISION);
        assertThat(r.cohensDz()).isCloseTo(1.00738956955224, R_PRECISION);
        // t.test(f12, b12, paired = TRUE)
        assertThat(r.pairedTTest().t()).isCloseTo(3.48969983495883, R_PRECISION);
        assertThat(r.pairedTTest().df()).isEqualTo(11);
        assertThat(r.pairedTTest().pTwoSided()).isCloseTo(0.005061238403913, R_PRECISION);
        assertThat(r.change().ci95Low()).isCloseTo(0.596712676530473, R_PRECISION);
        assertThat(r.change().ci95High()).isCloseTo(2.63495399013619, R_PRECISION);
        // wilcox.test(f12, b12, paired = TRUE, exact = FALSE, correct = TRUE):
        // "Wilcoxon signed rank test with continuity correction", V = 60.5, p-value = 0.0162097242093333
        assertThat(r.wilcoxon().exact()).isFalse();
        assertThat(r.wilcoxon().method()).isEqualTo(MatchedPairStatistics.WILCOXON_NORMAL_METHOD);
        assertThat(r.wilcoxon().zeroDifferencesDropped()).isEqualTo(1);
        assertThat(r.wilcoxon().nonZeroDifferences()).isEqualTo(11);
        assertThat(r.wilcoxon().wPlus()).isEqualTo(60.5);
        assertThat(r.wilcoxon().pTwoSided()).isCloseTo(0.0162097242093333, R_PRECISION);
    }

    @Test
    void forty_pairs_match_r() {
        Result r = MatchedPairStatistics.of(pairs(BASELINE_40, FOLLOW_UP_40), Direction.HIGHER_IS_BETTER, 103, 287);

        assertThat(r.n()).isEqualTo(40);
        assertThat(r.baseline().mean()).isCloseTo(18.65, R_PRECISION);
        assertThat(r.baseline().sd()).isCloseTo(4.23909763015063, R_PRECISION);
        assertThat(r.followUp().mean()).isCloseTo(20.214, R_PRECISION);
        assertThat(r.followUp().sd()).isCloseTo(5.90667584070596, R_PRECISION);
        assertThat(r.change().mean()).isCloseTo(1.564, R_PRECISION);
        assertThat(r.change().sd()).isCloseTo(3.99269576691982, R_PRECISION);
        assertThat(r.cohensDz()).isCloseTo(0.391715294953853, R_PRECISION);
        // t.test(f40, b40, paired = TRUE)
        assertThat(r.pairedTTest().t()).isCloseTo(2.47742505275767, R_PRECISION);
        assertThat(r.pairedTTest().df()).isEqualTo(39);
        assertThat(r.pairedTTest().pTwoSided()).isCloseTo(0.0176725523130952, R_PRECISION);
        assertThat(r.change().ci95Low()).isCloseTo(0.287073945096281, R_PRECISION);
        assertThat(r.change().ci95High()).isCloseTo(2.84092605490372, R_PRECISION);
        // wilcox.test(f40, b40, paired = TRUE, exact = FALSE, correct = TRUE): V = 573, p-value = 0.0108681109643091
        assertThat(r.wilcoxon().exact()).isFalse();
        assertThat(r.wilcoxon().zeroDifferencesDropped()).isEqualTo(1);
        assertThat(r.wilcoxon().wPlus()).isEqualTo(573);
        assertThat(r.wilcoxon().pTwoSided()).isCloseTo(0.0108681109643091, R_PRECISION);
    }

    @Test
    void ten_pairs_without_ties_or_zeros_use_the_exact_wilcoxon_distribution_as_r_does() {
        Result r = MatchedPairStatistics.of(pairs(BASELINE_10, FOLLOW_UP_10), Direction.HIGHER_IS_BETTER, 103, 287);

        assertThat(r.change().mean()).isCloseTo(2.389, R_PRECISION);
        assertThat(r.change().sd()).isCloseTo(2.11543770096561, R_PRECISION);
        assertThat(r.cohensDz()).isCloseTo(1.1293171143303, R_PRECISION);
        // t.test(f10, b10, paired = TRUE)
        assertThat(r.pairedTTest().t()).isCloseTo(3.57121428189252, R_PRECISION);
        assertThat(r.pairedTTest().pTwoSided()).isCloseTo(0.00601280822599821, R_PRECISION);
        assertThat(r.change().ci95Low()).isCloseTo(0.875707031463545, R_PRECISION);
        assertThat(r.change().ci95High()).isCloseTo(3.90229296853646, R_PRECISION);
        // wilcox.test(f10, b10, paired = TRUE, exact = TRUE, correct = TRUE):
        // "Wilcoxon signed rank exact test", V = 52, p-value = 0.009765625
        assertThat(r.wilcoxon().exact()).isTrue();
        assertThat(r.wilcoxon().method()).isEqualTo(MatchedPairStatistics.WILCOXON_EXACT_METHOD);
        assertThat(r.wilcoxon().wPlus()).isEqualTo(52);
        assertThat(r.wilcoxon().pTwoSided()).isEqualTo(0.009765625);
    }

    @Test
    void more_than_thirty_distinct_differences_use_the_normal_approximation() {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            pairs.add(new Pair(1800, 1800 + (i % 3 == 0 ? -i : i)));
        }
        assertThat(MatchedPairStatistics.of(pairs, Direction.HIGHER_IS_BETTER, 103, null).wilcoxon().exact()).isFalse();
        assertThat(MatchedPairStatistics.of(pairs.subList(0, 30), Direction.HIGHER_IS_BETTER, 103, null)
                .wilcoxon().exact()).isTrue();
    }

    @Test
    void meaningful_improvement_is_counted_in_exact_hundredths() {
        // 15.84 - 14.75 = 1.09 reaches 1.03; a change of exactly 1.03 counts, 1.02 does not.
        List<Pair> pairs = List.of(new Pair(1475, 1584), new Pair(1000, 1103), new Pair(1000, 1102),
                new Pair(2000, 1897), new Pair(1500, 1800));
        Result r = MatchedPairStatistics.of(pairs, Direction.HIGHER_IS_BETTER, 103, 287);
        assertThat(r.improvement().improved()).isEqualTo(3);
        assertThat(r.improvement().deteriorated()).isEqualTo(1);
        assertThat(r.improvement().improvedAtAlternative()).isEqualTo(1);
    }

    @Test
    void for_a_lower_is_better_score_a_fall_is_an_improvement() {
        // UCLA-3 totals in hundredths: 7 -> 5 is better, 4 -> 6 is worse.
        List<Pair> pairs = List.of(new Pair(700, 500), new Pair(400, 600), new Pair(600, 600));
        Result r = MatchedPairStatistics.of(pairs, Direction.LOWER_IS_BETTER, 100, null);
        assertThat(r.improvement().improved()).isEqualTo(1);
        assertThat(r.improvement().deteriorated()).isEqualTo(1);
        assertThat(r.change().mean()).isCloseTo(0.0, R_PRECISION);
    }

    @Test
    void statistics_that_cannot_be_computed_are_absent_rather_than_invented() {
        Result none = MatchedPairStatistics.of(List.of(), Direction.HIGHER_IS_BETTER, 103, 287);
        assertThat(none.n()).isZero();
        assertThat(none.change()).isNull();
        assertThat(none.pairedTTest()).isNull();

        Result one = MatchedPairStatistics.of(List.of(new Pair(1798, 2073)), Direction.HIGHER_IS_BETTER, 103, 287);
        assertThat(one.change().sd()).isNull();
        assertThat(one.pairedTTest().t()).isNull();
        assertThat(one.cohensDz()).isNull();

        Result same = MatchedPairStatistics.of(List.of(new Pair(1798, 2073), new Pair(1600, 1875)),
                Direction.HIGHER_IS_BETTER, 103, 287);
        assertThat(same.change().sd()).isZero();
        assertThat(same.pairedTTest().t()).isNull();
        assertThat(same.pairedTTest().pTwoSided()).isNull();
        assertThat(same.cohensDz()).isNull();

        Result allZero = MatchedPairStatistics.of(List.of(new Pair(1798, 1798), new Pair(1600, 1600)),
                Direction.HIGHER_IS_BETTER, 103, 287);
        assertThat(allZero.wilcoxon().nonZeroDifferences()).isZero();
        assertThat(allZero.wilcoxon().pTwoSided()).isNull();
    }

    @Test
    void a_negative_threshold_is_refused() {
        assertThatThrownBy(() -> MatchedPairStatistics.of(List.of(), Direction.HIGHER_IS_BETTER, -1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static List<Pair> pairs(int[] baseline, int[] followUp) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < baseline.length; i++) {
            pairs.add(new Pair(baseline[i], followUp[i]));
        }
        return pairs;
    }
}

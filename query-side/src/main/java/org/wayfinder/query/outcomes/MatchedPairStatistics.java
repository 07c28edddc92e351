package org.wayfinder.query.outcomes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.wayfinder.kernel.wellbeing.WellbeingScoring;

/**
 * Statistics of matched baseline and follow-up scores: the same people before and after, never all baselines
 * against all follow-ups. Scores arrive in integer hundredths, so thresholds compare exactly; means, SDs and
 * tests are computed in points (hundredths / 100). Pure: no Spring, no database.
 *
 * <p>Pinned in {@code MatchedPairStatisticsTest} against R's {@code t.test(paired = TRUE)} and
 * {@code wilcox.test(paired = TRUE)}; the Wilcoxon settings below are chosen so that each case equals one R call.
 */
public final class MatchedPairStatistics {

    /** The largest number of non-zero differences for which the Wilcoxon p-value is exact. */
    public static final int WILCOXON_EXACT_MAX_N = 30;

    public static final String T_TEST_METHOD = "Paired t-test of follow-up minus baseline, two-sided "
            + "(Student's t distribution, df = n - 1; Apache Commons Math 3.6.1 TTest.pairedTTest)";

    public static final String WILCOXON_EXACT_METHOD = "Wilcoxon signed-rank test, exact distribution of W+, "
            + "two-sided; used when there are at most " + WILCOXON_EXACT_MAX_N + " differences, none zero and "
            + "no tied absolute differences (as R wilcox.test(paired = TRUE, exact = TRUE))";

    public static final String WILCOXON_NORMAL_METHOD = "Wilcoxon signed-rank test, normal approximation with "
            + "continuity correction and tie-corrected variance, two-sided; zero differences dropped (Wilcoxon's "
            + "method), ties given average ranks (as R wilcox.test(paired = TRUE, exact = FALSE, correct = TRUE))";

    public static final String COHENS_DZ_DEFINITION = "Cohen's d_z = mean change / SD of change";

    private MatchedPairStatistics() {
    }

    /** Which way a score improves. */
    public enum Direction {
        HIGHER_IS_BETTER,
        LOWER_IS_BETTER
    }

    /** One person's baseline and matched follow-up, in hundredths of a point. */
    public record Pair(int baselineHundredths, int followUpHundredths) {

        int changeHundredths() {
            return followUpHundredths - baselineHundredths;
        }
    }

    /** Mean and sample SD (n - 1) in points; SD is null for a single value. */
    public record Summary(double mean, Double sd) {
    }

    /** Follow-up minus baseline, in points, with the 95% confidence interval of the mean (t distribution). */
    public record Change(double mean, Double sd, Double ci95Low, Double ci95High) {
    }

    /** t and p are null when they are undefined: fewer than two pairs, or every change the same. */
    public record PairedTTest(String method, Double t, Integer df, Double pTwoSided) {
    }

    /**
     * @param wPlus                  sum of the ranks of the positive differences (R's V)
     * @param nonZeroDifferences     the differences ranked
     * @param zeroDifferencesDropped differences of zero, left out before ranking
     * @param z                      the standardised statistic, for the normal approximation only
     */
    public record WilcoxonSignedRank(String method, boolean exact, double wPlus, int nonZeroDifferences,
                                     int zeroDifferencesDropped, Double z, Double pTwoSided) {
    }

    /**
     * Pairs whose change in the better direction reached the threshold, and pairs whose change in the worse
     * direction did. The alternative threshold's count is null when there is none.
     */
    public record Improvement(int thresholdHundredths, int improved, int deteriorated,
                              Integer alternativeThresholdHundredths, Integer improvedAtAlternative) {
    }

    /** Everything is null (or zero) that cannot be computed from the pairs given. */
    public record Result(int n, Summary baseline, Summary followUp, Change change, PairedTTest pairedTTest,
                         WilcoxonSignedRank wilcoxon, Double cohensDz, Improvement improvement) {
    }

    public static Result of(List<Pair> pairs, Direction direction, int thresholdHundredths,
                            Integer alternativeThresholdHundredths) {
        if (thresholdHundredths < 0 || (alternativeThresholdHundredths != null && alternativeThresholdHundredths < 0)) {
            throw new IllegalArgumentException("A meaningful change threshold cannot be negative.");
        }
        int n = pairs.size();
        Improvement improvement = improvement(pairs, direction, thresholdHundredths, alternativeThresholdHundredths);
        if (n == 0) {
            return new Result(0, null, null, null, null, null, null, improvement);
        }
        double[] baseline = new double[n];
        double[] followUp = new double[n];
        double[] change = new double[n];
        for (int i = 0; i < n; i++) {
            baseline[i] = pairs.get(i).baselineHundredths() / 100.0;
            followUp[i] = pairs.get(i).followUpHundredths() / 100.0;
            change[i] = pairs.get(i).changeHundredths() / 100.0;
        }
        double meanChange = StatUtils.mean(change);
        if (n == 1) {
            return new Result(1, new Summary(baseline[0], null), new Summary(followUp[0], null),
                    new Change(meanChange, null, null, null), new PairedTTest(T_TEST_METHOD, null, null, null),
                    wilcoxon(pairs), null, improvement);
        }
        double sdChange = Math.sqrt(StatUtils.variance(change));
        int df = n - 1;
        double halfWidth = new TDistribution(df).inverseCumulativeProbability(0.975) * sdChange / Math.sqrt(n);
        Change changeSummary = sdChange == 0
                ? new Change(meanChange, 0.0, meanChange, meanChange)
                : new Change(meanChange, sdChange, meanChange - halfWidth, meanChange + halfWidth);
        PairedTTest tTest = sdChange == 0
                ? new PairedTTest(T_TEST_METHOD, null, df, null)
                : new PairedTTest(T_TEST_METHOD, new TTest().pairedT(followUp, baseline), df,
                        new TTest().pairedTTest(followUp, baseline));
        return new Result(n, summary(baseline), summary(followUp), changeSummary, tTest, wilcoxon(pairs),
                sdChange == 0 ? null : meanChange / sdChange, improvement);
    }

    private static Summary summary(double[] values) {
        return new Summary(StatUtils.mean(values), Math.sqrt(StatUtils.variance(values)));
    }

    private static Improvement improvement(List<Pair> pairs, Direction direction, int threshold,
                                           Integer alternative) {
        int improved = 0;
        int deteriorated = 0;
        int improvedAtAlternative = 0;
        for (Pair pair : pairs) {
            if (improves(pair, direction, threshold)) {
                improved++;
            }
            if (improves(pair, opposite(direction), threshold)) {
                deteriorated++;
            }
            if (alternative != null && improves(pair, direction, alternative)) {
                improvedAtAlternative++;
            }
        }
        return new Improvement(threshold, improved, deteriorated, alternative,
                alternative == null ? null : improvedAtAlternative);
    }

    private static boolean improves(Pair pair, Direction direction, int threshold) {
        // Lower-is-better scores improve when the baseline exceeds the follow-up: swap them.
        return direction == Direction.HIGHER_IS_BETTER
                ? WellbeingScoring.meaningfulImprovement(pair.baselineHundredths(), pair.followUpHundredths(), threshold)
                : WellbeingScoring.meaningfulImprovement(pair.followUpHundredths(), pair.baselineHundredths(), threshold);
    }

    private static Direction opposite(Direction direction) {
        return direction == Direction.HIGHER_IS_BETTER ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER;
    }

    /**
     * R's wilcox.test, paired: differences of zero are dropped, the rest ranked by absolute value with average
     * ranks for ties. Exact only without ties and without zeros (R cannot be exact with either), otherwise the
     * normal approximation. Commons Math's own WilcoxonSignedRankTest ranks zeros and has no tie correction, so
     * only its ranking and distributions are used here.
     */
    static WilcoxonSignedRank wilcoxon(List<Pair> pairs) {
        long[] nonZero = pairs.stream().mapToLong(Pair::changeHundredths).filter(d -> d != 0).toArray();
        int zeros = pairs.size() - nonZero.length;
        int m = nonZero.length;
        if (m == 0) {
            return new WilcoxonSignedRank(WILCOXON_NORMAL_METHOD, false, 0, 0, zeros, null, null);
        }
        double[] absolute = new double[m];
        for (int i = 0; i < m; i++) {
            absolute[i] = Math.abs(nonZero[i]);
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(absolute);
        double wPlus = 0;
        for (int i = 0; i < m; i++) {
            if (nonZero[i] > 0) {
                wPlus += ranks[i];
            }
        }
        Map<Long, Integer> tieGroups = new HashMap<>();
        for (long d : nonZero) {
            tieGroups.merge(Math.abs(d), 1, Integer::sum);
        }
        boolean ties = tieGroups.size() < m;
        double expected = m * (m + 1) / 4.0;
        if (!ties && zeros == 0 && m <= WILCOXON_EXACT_MAX_N) {
            return new WilcoxonSignedRank(WILCOXON_EXACT_METHOD, true, wPlus, m, 0, null,
                    exactTwoSidedP((int) wPlus, m, expected));
        }
        double tieCorrection = 0;
        for (int t : tieGroups.values()) {
            tieCorrection += ((double) t * t * t - t) / 48.0;
        }
        double sigma = Math.sqrt(m * (m + 1.0) * (2.0 * m + 1.0) / 24.0 - tieCorrection);
        double centred = wPlus - expected;
        double z = (centred - Math.signum(centred) * 0.5) / sigma;
        NormalDistribution normal = new NormalDistribution();
        double p = 2 * Math.min(normal.cumulativeProbability(z), normal.cumulativeProbability(-z));
        return new WilcoxonSignedRank(WILCOXON_NORMAL_METHOD, false, wPlus, m, zeros, z, Math.min(1.0, p));
    }

    /** Two-sided exact p of W+ under the null, from the counts of all 2^m sign assignments of ranks 1..m. */
    private static double exactTwoSidedP(int wPlus, int m, double expected) {
        int max = m * (m + 1) / 2;
        long[] ways = new long[max + 1];
        ways[0] = 1;
        for (int rank = 1; rank <= m; rank++) {
            for (int sum = max; sum >= rank; sum--) {
                ways[sum] += ways[sum - rank];
            }
        }
        long tail = 0;
        if (wPlus > expected) {
            for (int sum = wPlus; sum <= max; sum++) {
                tail += ways[sum];
            }
        } else {
            for (int sum = 0; sum <= wPlus; sum++) {
                tail += ways[sum];
            }
        }
        return Math.min(1.0, 2.0 * tail / Math.pow(2, m));
    }
}

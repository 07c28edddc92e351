package org.wayfinder.query.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.wayfinder.query.outcomes.MatchedPairStatistics.Pair;
import org.wayfinder.query.outcomes.MatchedPairStatistics.Result;
import org.wayfinder.query.outcomes.OutcomePairsRepository.Baseline;
import org.wayfinder.query.outcomes.OutcomeStatisticsQuery.PairsPerPerson;
import org.wayfinder.query.outcomes.OutcomeStatisticsResponse.Change;
import org.wayfinder.query.outcomes.OutcomeStatisticsResponse.Counts;
import org.wayfinder.query.outcomes.OutcomeStatisticsResponse.Filters;
import org.wayfinder.query.outcomes.OutcomeStatisticsResponse.Improvement;
import org.wayfinder.query.outcomes.OutcomeStatisticsResponse.Summary;
import org.wayfinder.query.outcomes.OutcomeStatisticsResponse.TTest;
import org.wayfinder.query.outcomes.OutcomeStatisticsResponse.Threshold;
import org.wayfinder.query.outcomes.OutcomeStatisticsResponse.Wilcoxon;
import org.wayfinder.query.outcomes.OutcomeStatisticsResponse.Window;

/** Answers {@link OutcomeStatisticsQuery}: matches pairs, computes the statistics, applies disclosure control. */
@Component
class OutcomeStatistics {

    /** Warwick Medical School's advice for group conclusions from (S)WEMWBS (domain.md). */
    static final int ADVISED_MINIMUM_PAIRS = 30;

    static final String MATCHING = "Matched pairs only: for each referral (so each person, referral and instrument),"
            + " the unvoided baseline is paired with the first unvoided FOLLOW_UP or EXIT measure of the same"
            + " instrument dated within the window after it; corrected measures count with their corrected scores;"
            + " people merged as duplicates are counted once, as the surviving person";

    static final String FIRST_PER_PERSON = "Only each person's earliest matched pair (by baseline date) is "
            + "analysed (pairsPerPerson=FIRST), so the pairs are independent; the attrition counts stay per referral";

    static final String WINDOW_RULE = "days from the baseline's measuredOn to the follow-up's measuredOn, both ends "
            + "inclusive";

    static final String ZERO_DIFFERENCES = "dropped before ranking (Wilcoxon's method, as R's wilcox.test)";

    static final String CI_METHOD = "mean change +/- t(0.975, n - 1) x SD of change / sqrt(n)";

    private final OutcomePairsRepository repository;
    private final Clock clock;

    OutcomeStatistics(OutcomePairsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    OutcomeStatisticsResponse answer(OutcomeStatisticsQuery query) {
        return answer(query, repository.baselines(query));
    }

    /** The statistics of the given baselines, as selected for {@code query}: one group of a comparison, or all. */
    OutcomeStatisticsResponse answer(OutcomeStatisticsQuery query, List<Baseline> baselines) {
        OutcomeMeasure measure = query.measure();
        SmallNumbers.Policy policy = query.suppression();
        List<Baseline> matched = baselines.stream().filter(b -> b.followUpHundredths() != null).toList();
        List<Pair> pairs = analysed(matched, query.pairsPerPerson()).stream()
                .map(b -> new Pair(b.baselineHundredths(), b.followUpHundredths())).toList();
        Integer alternative = alternativeThreshold(query);
        Result result = MatchedPairStatistics.of(pairs, measure.direction(), query.thresholdHundredths(), alternative);

        LocalDate today = LocalDate.now(clock);
        long n = pairs.size();
        long withoutFollowUp = baselines.size() - matched.size();
        long stillOpen = baselines.stream().filter(b -> b.followUpHundredths() == null)
                .filter(b -> !b.measuredOn().plusDays(query.windowToDays()).isBefore(today)).count();
        Set<String> peopleWithBaseline = baselines.stream().map(Baseline::personId).collect(Collectors.toSet());
        Set<String> peopleWithPair = matched.stream().map(Baseline::personId).collect(Collectors.toSet());
        Counts counts = new Counts(policy.count(n),
                policy.complement(baselines.size(), matched.size()),
                policy.count(matched.size()),
                policy.complement(withoutFollowUp, stillOpen), policy.count(stillOpen),
                policy.count(peopleWithBaseline.size()), policy.count(peopleWithPair.size()));

        boolean suppressed = policy.suppressed(n);
        boolean shown = policy.statisticsShown(n);
        return new OutcomeStatisticsResponse(
                measure.instrument().name(), measure.measureName(), measure.unit(), measure.direction().name(),
                filters(query.filters()),
                new Window(query.windowFromDays(), query.windowToDays(), List.of("FOLLOW_UP", "EXIT"), WINDOW_RULE),
                query.pairsPerPerson() == PairsPerPerson.FIRST ? MATCHING + ". " + FIRST_PER_PERSON : MATCHING,
                threshold(query, measure, alternative),
                counts,
                shown ? summary(result.baseline()) : null,
                shown ? summary(result.followUp()) : null,
                shown ? change(result.change()) : null,
                shown ? tTest(result.pairedTTest()) : null,
                shown ? wilcoxon(result.wilcoxon(), policy) : null,
                shown ? result.cohensDz() : null,
                MatchedPairStatistics.COHENS_DZ_DEFINITION,
                improvement(result.improvement(), n, policy),
                suppressed,
                policy.parameter(),
                policy.rule(),
                warning(n, suppressed, policy));
    }

    private static List<Baseline> analysed(List<Baseline> matched, PairsPerPerson pairsPerPerson) {
        if (pairsPerPerson == PairsPerPerson.ALL) {
            return matched;
        }
        Comparator<Baseline> earliest = Comparator.comparing(Baseline::measuredOn).thenComparing(Baseline::referralId);
        return List.copyOf(matched.stream().collect(Collectors.toMap(Baseline::personId, b -> b,
                BinaryOperator.minBy(earliest), LinkedHashMap::new)).values());
    }

    /** The alternative threshold is reported beside the default one only while the default is in use. */
    private static Integer alternativeThreshold(OutcomeStatisticsQuery query) {
        OutcomeMeasure measure = query.measure();
        return query.thresholdHundredths() == measure.defaultThresholdHundredths()
                ? measure.alternativeThresholdHundredths() : null;
    }

    private static Threshold threshold(OutcomeStatisticsQuery query, OutcomeMeasure measure, Integer alternative) {
        boolean byDefault = query.thresholdHundredths() == measure.defaultThresholdHundredths();
        return new Threshold(query.thresholdHundredths(), query.thresholdHundredths() / 100.0,
                byDefault ? "default: " + measure.thresholdSource() : "set by the request (thresholdHundredths)",
                alternative, alternative == null ? null : alternative / 100.0,
                alternative == null ? null : measure.alternativeThresholdSource());
    }

    private static Summary summary(MatchedPairStatistics.Summary summary) {
        return new Summary(summary.mean(), summary.sd());
    }

    private static Change change(MatchedPairStatistics.Change change) {
        return new Change(change.mean(), change.sd(), change.ci95Low(), change.ci95High(), CI_METHOD);
    }

    private static TTest tTest(MatchedPairStatistics.PairedTTest t) {
        return new TTest(t.method(), t.t(), t.df(), t.pTwoSided());
    }

    static Filters filters(OutcomeFilters filters) {
        return new Filters(filters.referredFrom(), filters.referredTo(), filters.cohort(), filters.boroughGssCode(),
                filters.icbOdsCode(), filters.need());
    }

    private static Wilcoxon wilcoxon(MatchedPairStatistics.WilcoxonSignedRank w, SmallNumbers.Policy policy) {
        return new Wilcoxon(w.method(), ZERO_DIFFERENCES, w.exact(), w.wPlus(),
                policy.complement(w.nonZeroDifferences(), w.zeroDifferencesDropped()),
                policy.count(w.zeroDifferencesDropped()), w.z(), w.pTwoSided());
    }

    private static Improvement improvement(MatchedPairStatistics.Improvement improvement, long n,
                                           SmallNumbers.Policy policy) {
        Integer alternative = improvement.improvedAtAlternative();
        return new Improvement(policy.count(improvement.improved()), policy.share(improvement.improved(), n),
                policy.count(improvement.deteriorated()), policy.share(improvement.deteriorated(), n),
                alternative == null ? null : policy.count(alternative),
                alternative == null ? null : policy.share(alternative, n));
    }

    private static String warning(long n, boolean suppressed, SmallNumbers.Policy policy) {
        if (n == 0) {
            return "No matched pairs: no baseline had a follow-up in the window.";
        }
        String few = "Fewer than " + ADVISED_MINIMUM_PAIRS + " matched pairs: Warwick Medical School advises at least "
                + ADVISED_MINIMUM_PAIRS + " people with two time points before drawing group conclusions.";
        return suppressed ? few + " Too few pairs to publish: counts are shown as \"*\" and no means or statistics "
                + "are shown (small-numbers rule " + policy.parameter() + ")." : n < ADVISED_MINIMUM_PAIRS ? few : null;
    }
}

package org.wayfinder.query.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.wayfinder.query.outcomes.OutcomePairsRepository.Baseline;
import org.wayfinder.query.outcomes.OutcomePairsRepository.GroupedBaseline;

/** Matched-pair statistics per group, side by side, each group under the small-number policy. */
@Component
class OutcomeComparisons {

    record Response(String instrument, String measure, String unit, String direction, String by, String groupDefinition,
                    OutcomeStatisticsResponse.Filters filters, OutcomeStatisticsResponse.Window window,
                    String matching, OutcomeStatisticsResponse.Threshold threshold, List<Group> groups,
                    String suppression, String disclosureControl, String note) {
    }

    /**
     * @param pairs         matched pairs in the group, as published
     * @param baselines     baselines in the group, as published
     * @param shareImproved share of pairs improving by at least the threshold
     * @param suppressed    true when the group's statistics are withheld, by its own size or to protect another group
     */
    record Group(String group, Object pairs, Object baselines, Double meanChange, Double ci95Low, Double ci95High,
                 Double cohensDz, Object shareImproved, boolean suppressed, String warning) {
    }

    static final String NOTE = "Groups are compared side by side, each over its own matched pairs; no test of the "
            + "difference between groups is made. A referral with several needs or activity categories is in each of "
            + "their groups, so those groups overlap and their counts do not add up to a total.";

    private final OutcomePairsRepository repository;
    private final OutcomeStatistics statistics;

    OutcomeComparisons(OutcomePairsRepository repository, OutcomeStatistics statistics) {
        this.repository = repository;
        this.statistics = statistics;
    }

    Response answer(OutcomeStatisticsQuery query, ComparisonGroup by) {
        Map<String, List<Baseline>> byGroup = repository.baselinesByGroup(query, by).stream()
                .collect(Collectors.groupingBy(GroupedBaseline::group, TreeMap::new,
                        Collectors.mapping(GroupedBaseline::baseline, Collectors.toList())));
        SmallNumbers.Policy policy = query.suppression();
        List<Group> groups = new ArrayList<>();
        Map<String, Long> pairsByGroup = new TreeMap<>();
        OutcomeStatisticsResponse any = null;
        for (Map.Entry<String, List<Baseline>> entry : byGroup.entrySet()) {
            OutcomeStatisticsResponse answer = statistics.answer(query, entry.getValue());
            any = answer;
            long pairs = entry.getValue().stream().filter(b -> b.followUpHundredths() != null).count();
            pairsByGroup.put(entry.getKey(), pairs);
            OutcomeStatisticsResponse.Change change = answer.change();
            groups.add(new Group(entry.getKey(), answer.counts().pairs(), answer.counts().baselines(),
                    change == null ? null : change.mean(), change == null ? null : change.ci95Low(),
                    change == null ? null : change.ci95High(), answer.cohensDz(),
                    answer.meaningfulImprovement().share(), answer.suppressed(), answer.warning()));
        }
        groups = secondarySuppression(groups, pairsByGroup, policy);
        OutcomeMeasure measure = query.measure();
        OutcomeStatisticsResponse shape = any != null ? any : statistics.answer(query, List.of());
        return new Response(measure.instrument().name(), measure.measureName(), measure.unit(),
                measure.direction().name(), by.parameter(), by.definition(), shape.filters(), shape.window(),
                shape.matching(), shape.threshold(), groups, policy.parameter(), policy.rule(), NOTE);
    }

    /**
     * Policies that publish exact counts would let one suppressed group be worked out from the total; so when exactly
     * one group is suppressed, the smallest other group is withheld with it. NHS England's rounding does this job.
     */
    private static List<Group> secondarySuppression(List<Group> groups, Map<String, Long> pairs,
                                                    SmallNumbers.Policy policy) {
        long suppressed = groups.stream().filter(g -> policy.suppressed(pairs.get(g.group()))).count();
        if (policy == SmallNumbers.Policy.NHS_ENGLAND || suppressed != 1) {
            return groups;
        }
        String withheld = groups.stream().filter(g -> !g.suppressed() && pairs.get(g.group()) > 0)
                .min(Comparator.comparing((Group g) -> pairs.get(g.group()))).map(Group::group).orElse(null);
        return groups.stream().map(g -> !g.group().equals(withheld) ? g : new Group(g.group(),
                SmallNumbers.SUPPRESSED, SmallNumbers.SUPPRESSED, null, null, null, null, SmallNumbers.SUPPRESSED,
                true, "Withheld to protect a suppressed group (secondary suppression).")).toList();
    }
}

package org.wayfinder.query.outcomes;

import java.time.LocalDate;
import java.util.List;

/**
 * Aggregate matched-pair statistics of one measure; never a row about a person. Counts are Objects because the
 * disclosure rule publishes them as a number or {@code "*"}. Statistics are absent when they were suppressed or
 * cannot be computed; {@code warning} says why.
 */
record OutcomeStatisticsResponse(
        String instrument,
        String measure,
        String unit,
        String direction,
        Filters filters,
        Window window,
        String matching,
        Threshold threshold,
        Counts counts,
        Summary baseline,
        Summary followUp,
        Change change,
        TTest pairedTTest,
        Wilcoxon wilcoxonSignedRank,
        Double cohensDz,
        String cohensDzDefinition,
        Improvement meaningfulImprovement,
        boolean suppressed,
        String suppression,
        String disclosureControl,
        String warning) {

    record Filters(LocalDate referredFrom, LocalDate referredTo, String cohort, String boroughGssCode,
                   String icbOdsCode, String need) {
    }

    record Window(int fromDays, int toDays, List<String> followUpTimePoints, String rule) {
    }

    record Threshold(int hundredths, double points, String source, Integer alternativeHundredths,
                     Double alternativePoints, String alternativeSource) {
    }

    /**
     * @param pairs                         the pairs analysed: withFollowUpInWindow, or with pairsPerPerson=FIRST
     *                                      one per person
     * @param baselines                     referrals with a scoreable, unvoided baseline of the instrument
     * @param withFollowUpInWindow          baselines matched to a follow-up in the window
     * @param withoutFollowUpInWindow       attrition: baselines with no follow-up in the window
     * @param withoutFollowUpWindowStillOpen of those, baselines whose window has not yet closed (not yet lost)
     * @param peopleWithBaseline            distinct people (merged duplicates counted once) with a baseline
     * @param peopleWithPair                distinct people with at least one matched pair
     */
    record Counts(Object pairs, Object baselines, Object withFollowUpInWindow, Object withoutFollowUpInWindow,
                  Object withoutFollowUpWindowStillOpen, Object peopleWithBaseline, Object peopleWithPair) {
    }

    record Summary(double mean, Double sd) {
    }

    record Change(double mean, Double sd, Double ci95Low, Double ci95High, String ciMethod) {
    }

    record TTest(String method, Double t, Integer df, Double pTwoSided) {
    }

    record Wilcoxon(String method, String zeroDifferences, Boolean exact, Double wPlus, Object nonZeroDifferences,
                    Object zeroDifferencesDropped, Double z, Double pTwoSided) {
    }

    record Improvement(Object improved, Object share, Object deteriorated, Object deterioratedShare,
                       Object improvedAtAlternative, Object shareAtAlternative) {
    }
}

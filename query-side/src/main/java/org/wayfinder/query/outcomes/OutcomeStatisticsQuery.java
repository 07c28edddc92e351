package org.wayfinder.query.outcomes;

/**
 * Matched-pair statistics of one measure over the referrals the filters select.
 *
 * @param filters             which referrals count
 * @param windowFromDays      earliest follow-up counted, in days after the baseline, inclusive
 * @param windowToDays        latest follow-up counted, in days after the baseline, inclusive
 * @param thresholdHundredths meaningful improvement, in hundredths of a point
 * @param pairsPerPerson      whether a person referred more than once gives a pair per referral or only one
 * @param suppression         the small-number policy applied to the answer
 */
record OutcomeStatisticsQuery(OutcomeMeasure measure, OutcomeFilters filters, int windowFromDays, int windowToDays,
                              int thresholdHundredths, PairsPerPerson pairsPerPerson,
                              SmallNumbers.Policy suppression) {

    /**
     * The t-test and the Wilcoxon test assume independent pairs; two referrals of one person are not. FIRST keeps
     * each person's earliest matched pair (by baseline date), so every pair is a different person.
     */
    enum PairsPerPerson {
        /** One pair per referral: the default. */
        ALL,
        /** Only each person's earliest matched pair. */
        FIRST
    }
}

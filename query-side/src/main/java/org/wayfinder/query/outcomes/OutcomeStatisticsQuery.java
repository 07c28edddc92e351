package org.wayfinder.query.outcomes;

import java.time.LocalDate;

/**
 * Matched-pair statistics of one measure over the referrals received in a period and borough.
 *
 * @param referredFrom        first referral date included, or null for no lower bound
 * @param referredTo          last referral date included, or null for no upper bound
 * @param boroughGssCode      the referral's borough, or null for all of London
 * @param windowFromDays      earliest follow-up counted, in days after the baseline, inclusive
 * @param windowToDays        latest follow-up counted, in days after the baseline, inclusive
 * @param thresholdHundredths meaningful improvement, in hundredths of a point
 * @param pairsPerPerson      whether a person referred more than once gives a pair per referral or only one
 */
record OutcomeStatisticsQuery(OutcomeMeasure measure, LocalDate referredFrom, LocalDate referredTo,
                              String boroughGssCode, int windowFromDays, int windowToDays, int thresholdHundredths,
                              PairsPerPerson pairsPerPerson) {

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

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
 */
record OutcomeStatisticsQuery(OutcomeMeasure measure, LocalDate referredFrom, LocalDate referredTo,
                              String boroughGssCode, int windowFromDays, int windowToDays, int thresholdHundredths) {
}

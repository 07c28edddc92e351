package org.wayfinder.query.outcomes;

import org.wayfinder.query.disclosure.SuppressionPolicy;

/**
 * Statistical disclosure control by domain.md's default, NHS England's secondary-care rule: this endpoint can be
 * filtered to a borough and a few months, well below London level. Rounding the larger counts is what keeps a
 * suppressed count from being recovered by subtraction from the others (secondary suppression). The rule itself
 * lives in {@link SuppressionPolicy}.
 */
final class SmallNumbers {

    private static final SuppressionPolicy POLICY = SuppressionPolicy.NHS_ENGLAND;

    static final String RULE = "NHS England secondary-care rule: 0 stays 0; counts 1-7 are shown as \"*\"; other "
            + "counts are rounded to the nearest 5; shares are computed from the rounded numerator and denominator; "
            + "means and statistics over 1-7 matched pairs are not shown";

    static final String SUPPRESSED = SuppressionPolicy.SUPPRESSED;

    private SmallNumbers() {
    }

    static boolean suppressed(long count) {
        return POLICY.suppresses(count);
    }

    /** The count as published: 0, {@code "*"} or a multiple of 5. */
    static Object count(long count) {
        return POLICY.count(count);
    }

    /** The share as published, or null when there is no denominator. */
    static Object share(long numerator, long denominator) {
        return POLICY.share(numerator, denominator);
    }
}

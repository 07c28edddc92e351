package org.wayfinder.query.outcomes;

/**
 * Statistical disclosure control by domain.md's default, NHS England's secondary-care rule: this endpoint can be
 * filtered to a borough and a few months, well below London level. Rounding the larger counts is what keeps a
 * suppressed count from being recovered by subtraction from the others (secondary suppression).
 */
final class SmallNumbers {

    static final String RULE = "NHS England secondary-care rule: 0 stays 0; counts 1-7 are shown as \"*\"; other "
            + "counts are rounded to the nearest 5; shares are computed from the rounded numerator and denominator; "
            + "means and statistics over 1-7 matched pairs are not shown";

    static final String SUPPRESSED = "*";

    private SmallNumbers() {
    }

    static boolean suppressed(long count) {
        return count >= 1 && count <= 7;
    }

    /** The count as published: 0, {@code "*"} or a multiple of 5. */
    static Object count(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("A count cannot be negative.");
        }
        return suppressed(count) ? SUPPRESSED : rounded(count);
    }

    /** The share as published, or null when there is no denominator. */
    static Object share(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        if (suppressed(numerator) || suppressed(denominator)) {
            return SUPPRESSED;
        }
        return (double) rounded(numerator) / rounded(denominator);
    }

    private static long rounded(long count) {
        return Math.round(count / 5.0) * 5;
    }
}

package org.wayfinder.query.disclosure;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Statistical disclosure control for commissioner outputs below London level: which counts are shown, how they
 * are rounded, and when a share, mean or median may be published. The one place these rules live; every output
 * names the policy that produced it.
 */
public enum SuppressionPolicy {

    /** domain.md's default, NHS England's secondary-care rule. */
    NHS_ENGLAND("nhs-england", 1, 7, 5, "0 stays 0; counts 1-7 are shown as \"*\"; other counts are rounded to the "
            + "nearest 5; percentages are computed from the rounded numerator and denominator; means and medians "
            + "over 1-7 people are not shown"),
    /** Suppress every count under 10; counts are shown unrounded. */
    THRESHOLD_10("threshold-10", 1, 9, 1, "0 stays 0; counts 1-9 are shown as \"*\"; other counts are shown as "
            + "they are; means and medians over fewer than 10 people are not shown"),
    /** Suppress counts under 5; counts are shown unrounded. */
    UNDER_5("under-5", 1, 4, 1, "0 stays 0; counts 1-4 are shown as \"*\"; other counts are shown as they are; "
            + "means and medians over fewer than 5 people are not shown");

    /** How a suppressed cell is shown. */
    public static final String SUPPRESSED = "*";

    private final String id;
    private final long suppressFrom;
    private final long suppressTo;
    private final long roundTo;
    private final String rule;

    SuppressionPolicy(String id, long suppressFrom, long suppressTo, long roundTo, String rule) {
        this.id = id;
        this.suppressFrom = suppressFrom;
        this.suppressTo = suppressTo;
        this.roundTo = roundTo;
        this.rule = rule;
    }

    /** The name used in settings, requests and responses, such as {@code nhs-england}. */
    public String id() {
        return id;
    }

    /** The rule in words, as every response states it. */
    public String rule() {
        return rule;
    }

    public static Optional<SuppressionPolicy> named(String id) {
        return Arrays.stream(values()).filter(policy -> policy.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(SuppressionPolicy::id).toList();
    }

    /** Whether the count itself is too small to show (primary suppression). */
    public boolean suppresses(long count) {
        requireCount(count);
        return count >= suppressFrom && count <= suppressTo;
    }

    /** The count as it may be shown when not suppressed: rounded to the policy's base. */
    public long rounded(long count) {
        requireCount(count);
        return roundTo == 1 ? count : Math.round((double) count / roundTo) * roundTo;
    }

    /** The count as published: 0, {@code "*"} or the rounded figure. */
    public Object count(long count) {
        return suppresses(count) ? SUPPRESSED : rounded(count);
    }

    /**
     * The share as published: null when there is nothing to divide by, {@code "*"} when the numerator or the
     * denominator is suppressed, otherwise the rounded numerator over the rounded denominator.
     */
    public Object share(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        if (suppresses(numerator) || suppresses(denominator)) {
            return SUPPRESSED;
        }
        long roundedDenominator = rounded(denominator);
        return roundedDenominator == 0 ? null : (double) rounded(numerator) / roundedDenominator;
    }

    /** Whether a mean, median or other statistic over {@code people} people may be shown. */
    public boolean showsStatisticOver(long people) {
        requireCount(people);
        return people > suppressTo;
    }

    private static void requireCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("A count cannot be negative.");
        }
    }
}

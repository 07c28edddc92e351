package org.wayfinder.query.outcomes;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.wayfinder.query.disclosure.SuppressionPolicy;

/**
 * Statistical disclosure control by domain.md's default, NHS England's secondary-care rule: these endpoints can be
 * filtered to a borough and a few months, well below London level. Rounding the larger counts is what keeps a
 * suppressed count from being recovered by subtraction from the others (secondary suppression). The request may
 * name another policy ({@code suppression=threshold-10|under-5}); those publish exact counts, so callers suppress
 * the complement of a suppressed part themselves ({@link Policy#complement}). The thresholds and rounding are
 * {@link SuppressionPolicy}'s, the one place the rules live.
 */
final class SmallNumbers {

    static final String RULE = Policy.NHS_ENGLAND.rule();

    static final String SUPPRESSED = SuppressionPolicy.SUPPRESSED;

    private SmallNumbers() {
    }

    /** A small-number policy, named in requests by {@link #parameter()}. */
    enum Policy {
        NHS_ENGLAND(SuppressionPolicy.NHS_ENGLAND, "NHS England secondary-care rule: 0 stays 0; counts 1-7 are shown as "
                + "\"*\"; other counts are rounded to the nearest 5; shares are computed from the rounded numerator and "
                + "denominator; means and statistics over 1-7 people or pairs are not shown"),
        THRESHOLD_10(SuppressionPolicy.THRESHOLD_10, "Threshold-10 rule: 0 stays 0; counts 1-9 are shown as \"*\"; other "
                + "counts are exact; a count whose complement in its total is suppressed is suppressed too; means and "
                + "statistics over 1-9 people or pairs are not shown"),
        UNDER_5(SuppressionPolicy.UNDER_5, "Suppress under 5: 0 stays 0; counts 1-4 are shown as \"*\"; other counts are "
                + "exact; a count whose complement in its total is suppressed is suppressed too; means and statistics "
                + "over 1-4 people or pairs are not shown");

        private final SuppressionPolicy policy;
        private final String rule;

        Policy(SuppressionPolicy policy, String rule) {
            this.policy = policy;
            this.rule = rule;
        }

        static Optional<Policy> byParameter(String parameter) {
            return Arrays.stream(values()).filter(p -> p.parameter().equals(parameter)).findFirst();
        }

        static String parameters() {
            return Arrays.stream(values()).map(Policy::parameter).collect(Collectors.joining(", "));
        }

        String parameter() {
            return policy.id();
        }

        String rule() {
            return rule;
        }

        boolean suppressed(long count) {
            return policy.suppresses(count);
        }

        /** Whether means, SDs and tests over this many people or pairs may be shown. */
        boolean statisticsShown(long n) {
            return policy.showsStatisticOver(n);
        }

        /** The count as published: 0, {@code "*"}, or the count (rounded to 5 under NHS England's rule). */
        Object count(long count) {
            return policy.count(count);
        }

        /**
         * A count published beside a part of it that may be suppressed: without rounding, a whole and one unsuppressed
         * part would give the suppressed other part away, so the whole is suppressed with it.
         */
        Object complement(long whole, long... parts) {
            if (policy != SuppressionPolicy.NHS_ENGLAND) {
                for (long part : parts) {
                    if (suppressed(part) || suppressed(whole - part)) {
                        return whole == 0 ? 0L : SUPPRESSED;
                    }
                }
            }
            return count(whole);
        }

        /** The share as published, or null when there is no denominator. */
        Object share(long numerator, long denominator) {
            return policy.share(numerator, denominator);
        }
    }

    static boolean suppressed(long count) {
        return Policy.NHS_ENGLAND.suppressed(count);
    }

    /** The count as published under the default policy: 0, {@code "*"} or a multiple of 5. */
    static Object count(long count) {
        return Policy.NHS_ENGLAND.count(count);
    }

    /** The share as published under the default policy, or null when there is no denominator. */
    static Object share(long numerator, long denominator) {
        return Policy.NHS_ENGLAND.share(numerator, denominator);
    }
}

package org.wayfinder.query.outcomes;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The programme's targets, as configured under {@code wayfinder.outcomes.targets}: data, not code, so a
 * commissioner's new plan is a configuration change.
 *
 * @param referralsPerIcbPerYear referrals per calendar year of referral, by ICB ODS code, then year
 * @param source                 where the figures come from, shown with every answer
 */
@ConfigurationProperties("wayfinder.outcomes.targets")
record OutcomeTargets(Map<String, Map<Integer, Long>> referralsPerIcbPerYear, String source) {

    OutcomeTargets {
        referralsPerIcbPerYear = referralsPerIcbPerYear == null ? Map.of() : Map.copyOf(referralsPerIcbPerYear);
        source = source == null ? "no targets configured" : source;
    }

    /** The target of one ICB and year, or null when none is configured. */
    Long referrals(String icb, int year) {
        Map<Integer, Long> byYear = referralsPerIcbPerYear.get(icb);
        return byYear == null ? null : byYear.get(year);
    }
}

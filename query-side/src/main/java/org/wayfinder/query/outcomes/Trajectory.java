package org.wayfinder.query.outcomes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The programme's trajectory: referrals received per ICB and calendar year against the configured targets. Reads
 * {@code outcome_referral}, which holds every referral received, whatever became of it.
 */
@Component
class Trajectory {

    static final String DEFINITION = "Referrals received (ReferralReceived), counted by the calendar year of the "
            + "referral date and the ICB of the referral's borough on that date (the STP with the same ODS code before "
            + "1 July 2022); declined, withdrawn and erased people's referrals all count";

    /** The query's grouping: each ICB, or London as a whole. */
    enum By {
        ICB, LONDON
    }

    record Response(String measure, String definition, String by, String period, int fromYear, int toYear,
                    String targetsSource, List<Row> rows, String suppression, String disclosureControl) {
    }

    /**
     * @param actual        referrals, as published under the small-number policy
     * @param target        the configured target, absent when none is configured
     * @param shareOfTarget actual / target, from the published actual; absent without a target
     */
    record Row(String area, int year, Object actual, Long target, Object shareOfTarget) {
    }

    private final JdbcTemplate jdbc;
    private final OutcomeTargets targets;

    Trajectory(JdbcTemplate jdbc, OutcomeTargets targets) {
        this.jdbc = jdbc;
        this.targets = targets;
    }

    Response referrals(By by, int fromYear, int toYear, SmallNumbers.Policy policy) {
        Map<String, Long> actual = new HashMap<>();
        jdbc.query("""
                SELECT h.ods_code, r.cohort_year, count(*) AS n
                FROM outcome_referral r
                LEFT JOIN ref_borough_health_area h ON h.gss_code = r.borough_gss_code AND h.valid_from <= r.referred_on
                     AND (h.valid_to IS NULL OR h.valid_to > r.referred_on)
                WHERE r.cohort_year BETWEEN ? AND ?
                GROUP BY 1, 2
                """, rs -> {
            String icb = rs.getString("ods_code") == null ? "unknown" : rs.getString("ods_code");
            actual.merge(icb + "/" + rs.getInt("cohort_year"), rs.getLong("n"), Long::sum);
            actual.merge("London/" + rs.getInt("cohort_year"), rs.getLong("n"), Long::sum);
        }, fromYear, toYear);
        List<String> areas = by == By.ICB ? OutcomeParameters.ICBS : List.of("London");
        List<Row> rows = new ArrayList<>();
        for (String area : areas) {
            for (int year = fromYear; year <= toYear; year++) {
                long n = actual.getOrDefault(area + "/" + year, 0L);
                Long target = by == By.ICB ? targets.referrals(area, year) : londonTarget(year);
                Object published = policy.count(n);
                Object share = target == null || target == 0 ? null
                        : published instanceof Number number ? Math.round(number.doubleValue() / target * 1000) / 1000.0
                        : SmallNumbers.SUPPRESSED;
                rows.add(new Row(area, year, published, target, share));
            }
        }
        return new Response("referrals", DEFINITION, by == By.ICB ? "icb" : "london", "year", fromYear, toYear,
                targets.source(), rows, policy.parameter(), policy.rule());
    }

    /** London's target is the sum of the ICBs' targets, and only when every ICB has one for the year. */
    private Long londonTarget(int year) {
        long sum = 0;
        for (String icb : OutcomeParameters.ICBS) {
            Long target = targets.referrals(icb, year);
            if (target == null) {
                return null;
            }
            sum += target;
        }
        return sum;
    }
}

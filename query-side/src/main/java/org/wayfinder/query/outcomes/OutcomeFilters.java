package org.wayfinder.query.outcomes;

import java.time.LocalDate;
import java.util.List;

/**
 * Which referrals an outcome figure covers, by what was known when each referral was received. Every member is
 * optional; null means no restriction.
 *
 * @param referredFrom   first referral date included
 * @param referredTo     last referral date included
 * @param cohortYear     calendar year of referral
 * @param cohortQuarter  calendar quarter (1-4) of referral, with {@code cohortYear}
 * @param boroughGssCode the referral's London borough
 * @param icbOdsCode     the ICB (or, before July 2022, the STP with the same code) of the referral's borough on the
 *                       referral date
 * @param need           a need code named on the referral
 */
public record OutcomeFilters(LocalDate referredFrom, LocalDate referredTo, Integer cohortYear, Integer cohortQuarter,
                      String boroughGssCode, String icbOdsCode, String need) {

    public static final OutcomeFilters NONE = new OutcomeFilters(null, null, null, null, null, null, null);

    /** The cohort as requested: {@code 2025} or {@code 2025-Q2}; null when not filtered. */
    public String cohort() {
        return cohortYear == null ? null : cohortQuarter == null ? cohortYear.toString()
                : cohortYear + "-Q" + cohortQuarter;
    }

    /**
     * SQL conditions, each starting with AND, over a {@code wellbeing_outcome} or {@code outcome_referral} alias;
     * the values go to {@code args} in order, never into the text.
     */
    public String sql(String alias, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (referredFrom != null) {
            sql.append(" AND ").append(alias).append(".referred_on >= ?");
            args.add(referredFrom);
        }
        if (referredTo != null) {
            sql.append(" AND ").append(alias).append(".referred_on <= ?");
            args.add(referredTo);
        }
        if (cohortYear != null) {
            sql.append(" AND ").append(alias).append(".cohort_year = ?");
            args.add(cohortYear);
        }
        if (cohortQuarter != null) {
            sql.append(" AND ").append(alias).append(".cohort_quarter = ?");
            args.add(cohortQuarter);
        }
        if (boroughGssCode != null) {
            sql.append(" AND ").append(alias).append(".borough_gss_code = ?");
            args.add(boroughGssCode);
        }
        if (icbOdsCode != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM ref_borough_health_area g WHERE g.gss_code = ").append(alias)
                    .append(".borough_gss_code AND g.ods_code = ? AND g.valid_from <= ").append(alias)
                    .append(".referred_on AND (g.valid_to IS NULL OR g.valid_to > ").append(alias)
                    .append(".referred_on))");
            args.add(icbOdsCode);
        }
        if (need != null) {
            sql.append(" AND ? = ANY(").append(alias).append(".needs)");
            args.add(need);
        }
        return sql.toString();
    }
}

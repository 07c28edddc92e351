package org.wayfinder.query.exports;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.wayfinder.query.outcomes.OutcomeFilters;

/**
 * The SQL of each export over the outcomes read model. It selects the raw person and referral ids only so that
 * they can be pseudonymised in Java; they never reach the file. Dates leave as months or day counts.
 */
final class ExportQueries {

    private static final String ICB_OF_DAY = """
            LEFT JOIN ref_borough_health_area h ON h.gss_code = %1$s.borough_gss_code
                 AND h.valid_from <= %1$s.referred_on AND (h.valid_to IS NULL OR h.valid_to > %1$s.referred_on)
            """;

    private ExportQueries() {
    }

    /** A statement and its arguments. */
    record Statement(String sql, Object[] args) {
    }

    static Statement count(ExportKind kind, OutcomeFilters filters) {
        List<Object> args = new ArrayList<>();
        String where = filters.sql("r", args);
        String sql = kind == ExportKind.PERSON_LEVEL
                ? "SELECT count(DISTINCT COALESCE(a.survivor_id, r.person_id)) FROM outcome_referral r "
                + "LEFT JOIN outcome_person_alias a ON a.person_id = r.person_id WHERE TRUE" + where
                : "SELECT count(*) FROM wellbeing_outcome r WHERE NOT r.voided" + where;
        return new Statement(sql, args.toArray());
    }

    static Statement rows(ExportKind kind, OutcomeFilters filters) {
        List<Object> args = new ArrayList<>();
        String where = filters.sql("r", args);
        return new Statement(kind == ExportKind.PERSON_LEVEL ? personLevel(where) : eventLevel(where), args.toArray());
    }

    private static String personLevel(String where) {
        return """
                WITH refs AS (
                    SELECT r.referral_id, COALESCE(a.survivor_id, r.person_id) AS person_id, r.referred_on,
                           r.borough_gss_code, r.needs
                    FROM outcome_referral r LEFT JOIN outcome_person_alias a ON a.person_id = r.person_id
                    WHERE TRUE %1$s
                ), first_ref AS (
                    SELECT DISTINCT ON (person_id) person_id, referred_on, borough_gss_code
                    FROM refs ORDER BY person_id, referred_on, referral_id
                ), person_refs AS (
                    SELECT person_id, count(*) AS referrals, max(referred_on) - min(referred_on) AS span_days
                    FROM refs GROUP BY person_id
                ), person_needs AS (
                    SELECT person_id, string_agg(DISTINCT n, ';' ORDER BY n) AS needs
                    FROM refs CROSS JOIN LATERAL unnest(needs) AS n GROUP BY person_id
                ), person_activities AS (
                    SELECT r.person_id, string_agg(DISTINCT c.category, ';' ORDER BY c.category) AS categories
                    FROM refs r JOIN outcome_referral_activity ra ON ra.referral_id = r.referral_id
                    JOIN outcome_activity c ON c.activity_id = ra.activity_id GROUP BY r.person_id
                ), person_measures AS (
                    SELECT r.person_id, count(*) AS measures
                    FROM refs r JOIN wellbeing_outcome w ON w.referral_id = r.referral_id AND NOT w.voided
                    GROUP BY r.person_id
                ), swemwbs AS (
                    SELECT DISTINCT ON (r.person_id) r.person_id, b.swemwbs_metric_hundredths AS baseline,
                           f.swemwbs_metric_hundredths AS follow_up, f.measured_on - b.measured_on AS days
                    FROM refs r
                    JOIN wellbeing_outcome b ON b.referral_id = r.referral_id AND b.instrument = 'SWEMWBS'
                         AND b.time_point = 'BASELINE' AND NOT b.voided AND b.swemwbs_metric_hundredths IS NOT NULL
                    LEFT JOIN LATERAL (
                        SELECT f.swemwbs_metric_hundredths, f.measured_on FROM wellbeing_outcome f
                        WHERE f.referral_id = b.referral_id AND f.instrument = 'SWEMWBS'
                          AND f.time_point IN ('FOLLOW_UP', 'EXIT') AND NOT f.voided
                          AND f.swemwbs_metric_hundredths IS NOT NULL AND f.measured_on >= b.measured_on
                        ORDER BY f.measured_on, f.measure_id LIMIT 1) f ON TRUE
                    ORDER BY r.person_id, b.measured_on, b.measure_id
                )
                SELECT pr.person_id, p.age_band, p.sex, p.ethnic_group, p.imd_decile, p.imd_edition,
                       fr.referred_on AS first_referred_on, fr.borough_gss_code AS first_borough,
                       h.ods_code AS first_icb, pr.referrals, pr.span_days, pn.needs, pa.categories,
                       COALESCE(pm.measures, 0) AS measures, s.baseline, s.follow_up, s.days
                FROM person_refs pr
                JOIN first_ref fr ON fr.person_id = pr.person_id
                %2$s
                LEFT JOIN outcome_person p ON p.person_id = pr.person_id
                LEFT JOIN person_needs pn ON pn.person_id = pr.person_id
                LEFT JOIN person_activities pa ON pa.person_id = pr.person_id
                LEFT JOIN person_measures pm ON pm.person_id = pr.person_id
                LEFT JOIN swemwbs s ON s.person_id = pr.person_id
                """.formatted(where, ICB_OF_DAY.formatted("fr"));
    }

    private static String eventLevel(String where) {
        return """
                SELECT r.person_id, r.referral_id, r.referred_on, r.cohort_year, r.cohort_quarter, r.borough_gss_code,
                       h.ods_code AS icb, r.source, r.needs, r.instrument, r.instrument_version, r.time_point,
                       r.measured_on, r.measured_on - bl.measured_on AS days_since_baseline, r.swemwbs_raw,
                       r.swemwbs_metric_hundredths, r.wemwbs_total, r.ons_life_satisfaction, r.ons_worthwhile,
                       r.ons_happiness, r.ons_anxiety, r.ucla3_total, r.corrected
                FROM wellbeing_outcome r
                LEFT JOIN LATERAL (
                    SELECT b.measured_on FROM wellbeing_outcome b
                    WHERE b.referral_id = r.referral_id AND b.instrument = r.instrument AND b.time_point = 'BASELINE'
                      AND NOT b.voided
                    ORDER BY b.measured_on, b.measure_id LIMIT 1) bl ON TRUE
                %2$s
                WHERE NOT r.voided %1$s
                """.formatted(where, ICB_OF_DAY.formatted("r"));
    }

    /** One result row as the file's values, in the dictionary's column order. */
    static List<Object> values(ExportKind kind, ResultSet rs, Pseudonyms.Keyed pseudonyms) throws SQLException {
        List<Object> values = new ArrayList<>(kind.columns().size());
        if (kind == ExportKind.PERSON_LEVEL) {
            values.add(pseudonyms.person(rs.getString("person_id")));
            values.add(rs.getString("age_band"));
            values.add(rs.getString("sex"));
            values.add(rs.getString("ethnic_group"));
            values.add(rs.getObject("imd_decile"));
            values.add(rs.getString("imd_edition"));
            values.add(month(rs.getObject("first_referred_on", LocalDate.class)));
            values.add(rs.getString("first_borough"));
            values.add(rs.getString("first_icb"));
            values.add(rs.getLong("referrals"));
            values.add(rs.getObject("span_days"));
            values.add(rs.getString("needs"));
            values.add(rs.getString("categories"));
            values.add(rs.getLong("measures"));
            values.add(points(rs.getObject("baseline")));
            values.add(points(rs.getObject("follow_up")));
            values.add(rs.getObject("days"));
        } else {
            values.add(pseudonyms.person(rs.getString("person_id")));
            values.add(pseudonyms.referral(rs.getString("referral_id")));
            values.add(month(rs.getObject("referred_on", LocalDate.class)));
            values.add(rs.getInt("cohort_year"));
            values.add(rs.getInt("cohort_quarter"));
            values.add(rs.getString("borough_gss_code"));
            values.add(rs.getString("icb"));
            values.add(rs.getString("source"));
            values.add(joined(rs.getArray("needs")));
            values.add(rs.getString("instrument"));
            values.add(rs.getString("instrument_version"));
            values.add(rs.getString("time_point"));
            values.add(month(rs.getObject("measured_on", LocalDate.class)));
            values.add(rs.getObject("days_since_baseline"));
            values.add(rs.getObject("swemwbs_raw"));
            values.add(points(rs.getObject("swemwbs_metric_hundredths")));
            values.add(rs.getObject("wemwbs_total"));
            values.add(rs.getObject("ons_life_satisfaction"));
            values.add(rs.getObject("ons_worthwhile"));
            values.add(rs.getObject("ons_happiness"));
            values.add(rs.getObject("ons_anxiety"));
            values.add(rs.getObject("ucla3_total"));
            values.add(rs.getBoolean("corrected"));
        }
        return values;
    }

    private static String month(LocalDate date) {
        return date == null ? null : date.toString().substring(0, 7);
    }

    private static String points(Object hundredths) {
        return hundredths == null ? null : BigDecimal.valueOf(((Number) hundredths).longValue(), 2).toPlainString();
    }

    private static String joined(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        return String.join(";", (String[]) array.getArray());
    }
}

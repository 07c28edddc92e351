package org.wayfinder.query.outcomes;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads baselines and their first follow-up in the window from {@code wellbeing_outcome}. */
@Repository
class OutcomePairsRepository {

    /**
     * One referral's baseline of the measure, and its first follow-up in the window when there is one.
     *
     * @param followUpHundredths null when no follow-up fell in the window
     */
    record Baseline(String referralId, String personId, LocalDate measuredOn, int baselineHundredths,
                    Integer followUpHundredths) {
    }

    private final JdbcTemplate jdbc;

    OutcomePairsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Voided measures never count; a corrected one counts with its corrected score. A referral belongs to one
     * person, so matching per referral and instrument is matching per person, referral and instrument. The
     * window is measured from the baseline's date, not from the recorded days_since_baseline, which goes stale
     * when a voided baseline is replaced.
     */
    List<Baseline> baselines(OutcomeStatisticsQuery query) {
        OutcomeMeasure measure = query.measure();
        String sql = """
                WITH baseline AS (
                    SELECT DISTINCT ON (b.referral_id) b.referral_id, b.person_id, b.measured_on, %1$s AS score
                    FROM wellbeing_outcome b
                    WHERE b.instrument = ? AND b.time_point = 'BASELINE' AND NOT b.voided AND %1$s IS NOT NULL
                      AND (?::date IS NULL OR b.referred_on >= ?::date)
                      AND (?::date IS NULL OR b.referred_on <= ?::date)
                      AND (?::text IS NULL OR b.borough_gss_code = ?::text)
                    ORDER BY b.referral_id, b.measured_on, b.measure_id
                ), follow_up AS (
                    SELECT DISTINCT ON (b.referral_id) b.referral_id, %2$s AS score
                    FROM baseline b JOIN wellbeing_outcome f ON f.referral_id = b.referral_id
                    WHERE f.instrument = ? AND f.time_point IN ('FOLLOW_UP', 'EXIT') AND NOT f.voided
                      AND %2$s IS NOT NULL AND f.measured_on - b.measured_on BETWEEN ? AND ?
                    ORDER BY b.referral_id, f.measured_on, f.measure_id
                )
                SELECT b.referral_id, b.person_id, b.measured_on, b.score AS baseline, f.score AS follow_up
                FROM baseline b LEFT JOIN follow_up f ON f.referral_id = b.referral_id
                """.formatted(measure.scoreColumn("b"), measure.scoreColumn("f"));
        String instrument = measure.instrument().name();
        return jdbc.query(sql, (rs, row) -> new Baseline(rs.getString("referral_id"), rs.getString("person_id"),
                        rs.getObject("measured_on", LocalDate.class), rs.getInt("baseline"),
                        (Integer) rs.getObject("follow_up")),
                instrument, query.referredFrom(), query.referredFrom(), query.referredTo(), query.referredTo(),
                query.boroughGssCode(), query.boroughGssCode(), instrument, query.windowFromDays(),
                query.windowToDays());
    }
}

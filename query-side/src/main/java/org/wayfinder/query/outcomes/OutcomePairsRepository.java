package org.wayfinder.query.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
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

    /** A baseline in one group; a referral with several needs or activity categories is in each of their groups. */
    record GroupedBaseline(String group, Baseline baseline) {
    }

    private static final RowMapper<Baseline> BASELINE = (rs, row) -> new Baseline(rs.getString("referral_id"),
            rs.getString("person_id"), rs.getObject("measured_on", LocalDate.class), rs.getInt("baseline"),
            (Integer) rs.getObject("follow_up"));

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
        List<Object> args = new ArrayList<>();
        String sql = pairs(query, args) + """
                SELECT b.referral_id, b.person_id, b.measured_on, b.score AS baseline, f.score AS follow_up
                FROM baseline b LEFT JOIN follow_up f ON f.referral_id = b.referral_id
                """;
        return jdbc.query(sql, BASELINE, args.toArray());
    }

    /** The same baselines, each with its group; a null group is named {@link ComparisonGroup#NOT_RECORDED}. */
    List<GroupedBaseline> baselinesByGroup(OutcomeStatisticsQuery query, ComparisonGroup by) {
        List<Object> args = new ArrayList<>();
        String sql = pairs(query, args) + """
                SELECT b.referral_id, b.person_id, b.measured_on, b.score AS baseline, f.score AS follow_up,
                       grp.g AS grp
                FROM baseline b LEFT JOIN follow_up f ON f.referral_id = b.referral_id
                """ + by.join();
        return jdbc.query(sql, (rs, row) -> new GroupedBaseline(rs.getString("grp") == null
                ? ComparisonGroup.NOT_RECORDED : rs.getString("grp"), BASELINE.mapRow(rs, row)), args.toArray());
    }

    private static String pairs(OutcomeStatisticsQuery query, List<Object> args) {
        OutcomeMeasure measure = query.measure();
        String instrument = measure.instrument().name();
        args.add(instrument);
        String filters = query.filters().sql("b", args);
        args.add(instrument);
        args.add(query.windowFromDays());
        args.add(query.windowToDays());
        return """
                WITH baseline AS (
                    SELECT DISTINCT ON (b.referral_id) b.referral_id, b.person_id, b.measured_on, b.referred_on,
                           b.borough_gss_code, b.needs, %1$s AS score
                    FROM wellbeing_outcome b
                    WHERE b.instrument = ? AND b.time_point = 'BASELINE' AND NOT b.voided AND %1$s IS NOT NULL %3$s
                    ORDER BY b.referral_id, b.measured_on, b.measure_id
                ), follow_up AS (
                    SELECT DISTINCT ON (b.referral_id) b.referral_id, %2$s AS score
                    FROM baseline b JOIN wellbeing_outcome f ON f.referral_id = b.referral_id
                    WHERE f.instrument = ? AND f.time_point IN ('FOLLOW_UP', 'EXIT') AND NOT f.voided
                      AND %2$s IS NOT NULL AND f.measured_on - b.measured_on BETWEEN ? AND ?
                    ORDER BY b.referral_id, f.measured_on, f.measure_id
                )
                """.formatted(measure.scoreColumn("b"), measure.scoreColumn("f"), filters);
    }
}

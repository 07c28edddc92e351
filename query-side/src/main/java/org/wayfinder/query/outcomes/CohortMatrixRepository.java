package org.wayfinder.query.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.wayfinder.query.outcomes.CohortMatrixQuery.Column;

/** One aggregate per cohort and column, computed in PostgreSQL from {@code wellbeing_outcome}. */
@Repository
class CohortMatrixRepository {

    /**
     * @param quarter    0 for yearly cohorts
     * @param column     index into the query's columns
     * @param meanChange null for the baseline column
     */
    record Cell(int year, int quarter, int column, long n, Double mean, Double sd, Double meanChange,
                Double sdChange) {
    }

    private final JdbcTemplate jdbc;

    CohortMatrixRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The baseline column counts every referral's unvoided, scoreable baseline; a follow-up column the first unvoided
     * FOLLOW_UP or EXIT measure of the same referral in that period after the baseline, with its change from that
     * baseline (matched pairs), as the statistics endpoint does.
     */
    List<Cell> cells(CohortMatrixQuery query) {
        OutcomeMeasure measure = query.measure();
        String instrument = measure.instrument().name();
        List<Object> args = new ArrayList<>();
        args.add(instrument);
        args.add(query.fromYear());
        args.add(query.toYear());
        String filters = query.filters().sql("b", args);
        args.add(instrument);
        List<Column> columns = query.columns();
        // Integers parsed and bounded by CohortMatrixQuery, never request text.
        String periods = IntStream.range(0, columns.size()).filter(i -> !columns.get(i).baseline())
                .mapToObj(i -> "(" + i + ", " + columns.get(i).fromDays() + ", " + columns.get(i).toDaysExclusive() + ")")
                .collect(Collectors.joining(", "));
        int baselineColumn = IntStream.range(0, columns.size()).filter(i -> columns.get(i).baseline()).findFirst()
                .orElse(-1);
        String quarter = query.grain() == CohortMatrixQuery.Grain.QUARTER ? "cohort_quarter" : "0";
        String sql = """
                WITH baseline AS (
                    SELECT DISTINCT ON (b.referral_id) b.referral_id, b.measured_on, b.cohort_year, b.cohort_quarter,
                           %1$s AS score
                    FROM wellbeing_outcome b
                    WHERE b.instrument = ? AND b.time_point = 'BASELINE' AND NOT b.voided AND %1$s IS NOT NULL
                      AND b.cohort_year BETWEEN ? AND ? %3$s
                    ORDER BY b.referral_id, b.measured_on, b.measure_id
                ), period (idx, from_days, to_days) AS (
                    VALUES %4$s
                ), follow_up AS (
                    SELECT DISTINCT ON (b.referral_id, p.idx) b.cohort_year, b.cohort_quarter, p.idx, %2$s AS score,
                           b.score AS base
                    FROM baseline b
                    JOIN wellbeing_outcome f ON f.referral_id = b.referral_id
                    JOIN period p ON f.measured_on - b.measured_on >= p.from_days
                                 AND f.measured_on - b.measured_on < p.to_days
                    WHERE f.instrument = ? AND f.time_point IN ('FOLLOW_UP', 'EXIT') AND NOT f.voided
                      AND %2$s IS NOT NULL
                    ORDER BY b.referral_id, p.idx, f.measured_on, f.measure_id
                )
                SELECT cohort_year, %5$s AS quarter, %6$d AS idx, count(*) AS n, avg(score) / 100.0 AS mean,
                       stddev_samp(score) / 100.0 AS sd, NULL::numeric AS mean_change, NULL::numeric AS sd_change
                FROM baseline GROUP BY 1, 2
                UNION ALL
                SELECT cohort_year, %5$s, idx, count(*), avg(score) / 100.0, stddev_samp(score) / 100.0,
                       avg(score - base) / 100.0, stddev_samp(score - base) / 100.0
                FROM follow_up GROUP BY 1, 2, 3
                """.formatted(measure.scoreColumn("b"), measure.scoreColumn("f"), filters,
                periods.isEmpty() ? "(-1, 0, 0)" : periods, quarter, baselineColumn);
        return jdbc.query(sql, (rs, row) -> new Cell(rs.getInt("cohort_year"), rs.getInt("quarter"),
                rs.getInt("idx"), rs.getLong("n"), number(rs.getObject("mean")), number(rs.getObject("sd")),
                number(rs.getObject("mean_change")), number(rs.getObject("sd_change"))), args.toArray())
                .stream().filter(cell -> cell.column() >= 0).toList();
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}

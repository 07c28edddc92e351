package org.wayfinder.query.outcomes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wayfinder.query.outcomes.CohortMatrixQuery.Column;
import org.wayfinder.query.outcomes.CohortMatrixQuery.Grain;
import org.wayfinder.query.outcomes.CohortMatrixRepository.Cell;

/** Answers {@link CohortMatrixQuery}: every cohort in the range is a row, empty ones included. */
@Component
class CohortMatrix {

    static final String MATCHING = "Baseline column: each referral's unvoided, scoreable baseline of the instrument "
            + "(the earliest if there were two), counted in the cohort of its referral date. Follow-up columns: for "
            + "each of those referrals, the first unvoided FOLLOW_UP or EXIT measure of the same instrument dated in "
            + "the period (days from the baseline's measuredOn, from inclusive, to exclusive); meanChange and "
            + "sdChange compare it with that referral's own baseline (matched pairs), so columns differ in who is in "
            + "them and only the change is like for like";

    private final CohortMatrixRepository repository;

    CohortMatrix(CohortMatrixRepository repository) {
        this.repository = repository;
    }

    CohortMatrixResponse answer(CohortMatrixQuery query) {
        SmallNumbers.Policy policy = query.suppression();
        Map<String, Cell> byKey = new HashMap<>();
        for (Cell cell : repository.cells(query)) {
            byKey.put(cell.year() + "/" + cell.quarter() + "/" + cell.column(), cell);
        }
        List<Column> columns = query.columns();
        List<CohortMatrixResponse.Row> rows = new ArrayList<>();
        for (int year = query.fromYear(); year <= query.toYear(); year++) {
            int quarters = query.grain() == Grain.QUARTER ? 4 : 0;
            for (int quarter = quarters == 0 ? 0 : 1; quarter <= quarters; quarter++) {
                List<CohortMatrixResponse.Cell> cells = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    Cell cell = byKey.get(year + "/" + quarter + "/" + i);
                    long n = cell == null ? 0 : cell.n();
                    boolean shown = cell != null && policy.statisticsShown(n);
                    cells.add(new CohortMatrixResponse.Cell(columns.get(i).label(), policy.count(n),
                            shown ? round(cell.mean()) : null, shown ? round(cell.sd()) : null,
                            shown ? round(cell.meanChange()) : null, shown ? round(cell.sdChange()) : null));
                }
                rows.add(new CohortMatrixResponse.Row(quarter == 0 ? Integer.toString(year) : year + "-Q" + quarter,
                        cells));
            }
        }
        OutcomeMeasure measure = query.measure();
        return new CohortMatrixResponse(measure.instrument().name(), measure.measureName(), measure.unit(),
                measure.direction().name(), query.grain() == Grain.YEAR ? "year of referral (calendar)"
                : "quarter of referral (calendar, Q1 = January-March)",
                OutcomeStatistics.filters(query.filters()),
                columns.stream().map(CohortMatrix::definition).toList(), rows, MATCHING, policy.parameter(),
                policy.rule());
    }

    private static CohortMatrixResponse.ColumnDefinition definition(Column column) {
        return column.baseline()
                ? new CohortMatrixResponse.ColumnDefinition(column.label(), "the referral's baseline measure", null, null)
                : new CohortMatrixResponse.ColumnDefinition(column.label(), "first follow-up from week "
                        + column.fromWeeks() + " (day " + column.fromDays() + ") to before week " + column.toWeeks()
                        + " (day " + column.toDaysExclusive() + ") after the baseline", column.fromDays(),
                        column.toDaysExclusive());
    }

    /** Three decimals: finer than any instrument's hundredths, so nothing is lost, and stable to read. */
    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 1000.0) / 1000.0;
    }
}

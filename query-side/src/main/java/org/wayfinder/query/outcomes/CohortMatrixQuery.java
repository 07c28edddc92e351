package org.wayfinder.query.outcomes;

import java.util.ArrayList;
import java.util.List;

/**
 * Cohorts of referrals (by year or quarter of referral) as rows, time points after the baseline as columns.
 *
 * @param fromYear first cohort year, inclusive
 * @param toYear   last cohort year, inclusive
 * @param columns  the baseline column and follow-up periods, in order
 */
record CohortMatrixQuery(OutcomeMeasure measure, Grain grain, int fromYear, int toYear, List<Column> columns,
                         OutcomeFilters filters, SmallNumbers.Policy suppression) {

    static final String DEFAULT_TIME_POINTS = "baseline,0-8,8-16,16-26,26-52";

    /** The longest follow-up a column may reach: ten years. */
    static final int MAX_WEEKS = 520;

    static final int MAX_COLUMNS = 12;

    enum Grain {
        YEAR, QUARTER
    }

    /**
     * The baseline itself, or follow-ups from {@code fromWeeks} (inclusive) to {@code toWeeks} (exclusive) after it.
     *
     * @param label as requested: {@code baseline} or {@code 8-16}
     */
    record Column(String label, boolean baseline, int fromWeeks, int toWeeks) {

        int fromDays() {
            return fromWeeks * 7;
        }

        int toDaysExclusive() {
            return toWeeks * 7;
        }
    }

    /**
     * Parses {@code baseline,0-8,8-16}: weeks after the baseline, each period from its first week's day to the
     * day before its last; periods ascending and not overlapping, so a measure falls in one column at most.
     */
    static List<Column> columns(String timePoints) {
        List<Column> columns = new ArrayList<>();
        int lastTo = -1;
        for (String raw : timePoints.split(",")) {
            String label = raw.strip();
            if (label.equals("baseline")) {
                if (columns.stream().anyMatch(Column::baseline)) {
                    throw OutcomeParameters.invalid("timePoints", "'timePoints' names the baseline twice.");
                }
                columns.add(new Column(label, true, 0, 0));
                continue;
            }
            String[] weeks = label.split("-");
            int from;
            int to;
            try {
                if (weeks.length != 2) {
                    throw new NumberFormatException();
                }
                from = Integer.parseInt(weeks[0]);
                to = Integer.parseInt(weeks[1]);
            } catch (NumberFormatException e) {
                throw OutcomeParameters.invalid("timePoints", "'timePoints' must list 'baseline' and periods in weeks "
                        + "after the baseline such as 0-8,8-16; '" + label + "' is neither.");
            }
            if (from < 0 || to <= from || to > MAX_WEEKS || from < lastTo) {
                throw OutcomeParameters.invalid("timePoints", "'timePoints' periods must satisfy 0 <= from < to <= "
                        + MAX_WEEKS + " weeks, in ascending order without overlap; '" + label + "' does not.");
            }
            lastTo = to;
            columns.add(new Column(label, false, from, to));
        }
        if (columns.isEmpty() || columns.size() > MAX_COLUMNS) {
            throw OutcomeParameters.invalid("timePoints", "'timePoints' must name 1 to " + MAX_COLUMNS + " columns.");
        }
        return List.copyOf(columns);
    }
}

package org.wayfinder.query.outcomes;

import java.util.List;

/**
 * Cohorts as rows and time points as columns; each cell's n as published ({@code "*"} or a number) and its mean and
 * SD in points, absent when the small-number policy withholds them.
 */
record CohortMatrixResponse(
        String instrument,
        String measure,
        String unit,
        String direction,
        String cohort,
        OutcomeStatisticsResponse.Filters filters,
        List<ColumnDefinition> columns,
        List<Row> rows,
        String matching,
        String suppression,
        String disclosureControl) {

    /** @param fromDays,toDaysExclusive null for the baseline column */
    record ColumnDefinition(String label, String definition, Integer fromDays, Integer toDaysExclusive) {
    }

    record Row(String cohort, List<Cell> cells) {
    }

    /**
     * @param meanChange mean of follow-up minus baseline over the same referrals (matched pairs); absent in the
     *                   baseline column
     */
    record Cell(String column, Object n, Double mean, Double sd, Double meanChange, Double sdChange) {
    }
}

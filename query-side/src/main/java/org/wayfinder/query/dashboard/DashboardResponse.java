package org.wayfinder.query.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One dashboard as published: aggregated figures only, each count already suppressed or rounded by the named
 * policy ({@code "*"} for a hidden cell), with the period, the filters and how current the read model is.
 */
record DashboardResponse(String view, String title, String principle, String definition, Period period,
                         Map<String, String> filters, String breakdown, String geography, Suppression suppression,
                         List<Freshness.Status> freshness, List<MeasureInfo> measures, List<Row> rows, Row total) {

    record Period(String granularity, LocalDate from, LocalDate to) {
    }

    /**
     * @param policy  the policy applied, or {@code none} for London-level figures
     * @param applied whether the figures were suppressed
     * @param rule    the policy's rule in words
     */
    record Suppression(String policy, boolean applied, String rule, String reason) {
    }

    record MeasureInfo(String name, String label, String kind) {
    }

    /** A row of the breakdown: its key, a readable label, and each measure's published value. */
    record Row(String key, String label, Map<String, Object> values) {
    }
}

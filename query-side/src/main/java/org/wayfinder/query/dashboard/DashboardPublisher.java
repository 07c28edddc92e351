package org.wayfinder.query.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wayfinder.query.dashboard.DashboardQueries.Figures;
import org.wayfinder.query.dashboard.DashboardQueries.Table;
import org.wayfinder.query.dashboard.DashboardView.Measure;
import org.wayfinder.query.disclosure.SecondarySuppression;
import org.wayfinder.query.disclosure.SuppressionPolicy;

/**
 * Turns a table of raw figures into what a commissioner may see: each count column of the breakdown is
 * protected as a whole (primary and secondary suppression against the total row), shares are taken from the
 * published (rounded) figures and hidden with their numerator or denominator, and medians over too few people
 * are not shown. London-level figures are published as they are.
 */
final class DashboardPublisher {

    private DashboardPublisher() {
    }

    record Published(List<DashboardResponse.Row> rows, DashboardResponse.Row total) {
    }

    static Published publish(DashboardView view, Table table, SuppressionPolicy policy, boolean suppress,
                             Map<String, String> labels) {
        List<String> keys = new ArrayList<>(table.rows().keySet());
        Map<String, boolean[]> hidden = new HashMap<>();
        if (suppress) {
            for (String count : countNames(view)) {
                long[] cells = keys.stream().mapToLong(k -> table.rows().get(k).count(count)).toArray();
                hidden.put(count, SecondarySuppression.oneWay(policy, cells));
            }
        }
        List<DashboardResponse.Row> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            int index = i;
            rows.add(new DashboardResponse.Row(key, labels.getOrDefault(key, key),
                    values(view, table.rows().get(key), table.total(), policy, suppress,
                            name -> hidden.containsKey(name) && hidden.get(name)[index])));
        }
        DashboardResponse.Row total = new DashboardResponse.Row("total", "Total",
                values(view, table.total(), table.total(), policy, suppress, name -> false));
        return new Published(rows, total);
    }

    private static List<String> countNames(DashboardView view) {
        List<String> names = new ArrayList<>();
        for (Measure measure : view.measures()) {
            switch (measure.kind()) {
                case COUNT -> names.add(measure.name());
                case SHARE -> {
                    names.add(measure.numerator());
                    names.add(measure.denominator());
                }
                case SHARE_OF_TOTAL -> names.add(measure.numerator());
                case STATISTIC -> names.add(measure.denominator());
            }
        }
        return names.stream().distinct().toList();
    }

    private static Map<String, Object> values(DashboardView view, Figures figures, Figures total,
                                              SuppressionPolicy policy, boolean suppress,
                                              java.util.function.Predicate<String> secondary) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Measure measure : view.measures()) {
            values.put(measure.name(), switch (measure.kind()) {
                case COUNT -> count(figures.count(measure.name()), policy, suppress, secondary.test(measure.name()));
                case SHARE -> share(figures.count(measure.numerator()), figures.count(measure.denominator()), policy,
                        suppress, secondary.test(measure.numerator()) || secondary.test(measure.denominator()));
                case SHARE_OF_TOTAL -> share(figures.count(measure.numerator()), total.count(measure.numerator()),
                        policy, suppress, secondary.test(measure.numerator()));
                case STATISTIC -> statistic(figures.statistics().get(measure.name()), figures.count(measure.denominator()),
                        policy, suppress, secondary.test(measure.denominator()));
            });
        }
        return values;
    }

    private static Object count(long value, SuppressionPolicy policy, boolean suppress, boolean hidden) {
        if (!suppress) {
            return value;
        }
        return hidden ? SuppressionPolicy.SUPPRESSED : policy.count(value);
    }

    private static Object share(long numerator, long denominator, SuppressionPolicy policy, boolean suppress,
                                boolean hidden) {
        if (!suppress) {
            return denominator == 0 ? null : round4((double) numerator / denominator);
        }
        if (hidden && denominator != 0) {
            return SuppressionPolicy.SUPPRESSED;
        }
        Object share = policy.share(numerator, denominator);
        return share instanceof Double d ? round4(d) : share;
    }

    private static Object statistic(Double value, long people, SuppressionPolicy policy, boolean suppress,
                                    boolean hidden) {
        if (value == null) {
            return null;
        }
        if (suppress && (hidden || !policy.showsStatisticOver(people))) {
            return SuppressionPolicy.SUPPRESSED;
        }
        return value;
    }

    private static double round4(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}

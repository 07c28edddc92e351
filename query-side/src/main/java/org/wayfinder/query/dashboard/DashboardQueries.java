package org.wayfinder.query.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.wayfinder.projection.dashboard.DashboardProvidersProjection;
import org.wayfinder.projection.dashboard.DashboardReferralsProjection;

/**
 * Reads the dashboard read models: every query sums a few precomputed rows per month and borough, never the
 * referral facts and never the event store. Values from the request reach SQL only as bind parameters; the SQL
 * text is built from fixed fragments chosen by enums.
 */
@Repository
class DashboardQueries {

    /** Figures before disclosure control: counts, and statistics (medians) where a view has them. */
    record Figures(Map<String, Long> counts, Map<String, Double> statistics) {
        Figures() {
            this(new HashMap<>(), new HashMap<>());
        }

        long count(String name) {
            return counts.getOrDefault(name, 0L);
        }
    }

    /** The rows of a breakdown (key in order) and the total over the same filters. */
    record Table(LinkedHashMap<String, Figures> rows, Figures total) {
    }

    private static final String SUMS = """
            sum(received) AS received, sum(accepted) AS accepted, sum(declined) AS declined,
            sum(people_supported) AS people_supported, sum(contacted) AS contacted, sum(assessed) AS assessed,
            sum(connected) AS connected, sum(attended) AS attended, sum(completed) AS completed,
            sum(closed) AS closed, sum(sessions_attended) AS sessions_attended, sum(sessions_missed) AS sessions_missed,
            sum(with_baseline) AS with_baseline, sum(matched) AS matched, sum(improved) AS improved
            """;

    private final JdbcTemplate jdbc;

    DashboardQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Table table(DashboardRequest request) {
        return switch (request.view().source()) {
            case REFERRALS -> request.view() == DashboardView.WAITS ? waits(request) : referrals(request);
            case PROVIDERS -> providers(request);
            case CAPACITY -> capacity(request);
            case CASELOADS -> caseloads(request);
        };
    }

    private Table referrals(DashboardRequest request) {
        Where where = referralWhere(request, request.breakdown());
        String key = key(request, request.breakdown(), "r.month", "r.borough_gss_code", "r.value");
        String sql = "SELECT " + key + " AS key, " + SUMS + " FROM dash_referral_rollup r " + where.joins
                + " WHERE " + where.sql + " GROUP BY 1";
        LinkedHashMap<String, Figures> rows = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            rows.put(rs.getString("key"), referralFigures(rs));
        }, where.args.toArray());
        // The total counts each referral once, even where the breakdown (need) counts it under several rows.
        Where totalWhere = referralWhere(request, Dimension.TIME);
        String totalSql = "SELECT " + SUMS + " FROM dash_referral_rollup r " + totalWhere.joins + " WHERE " + totalWhere.sql;
        Figures total = jdbc.query(totalSql, rs -> rs.next() ? referralFigures(rs) : new Figures(), totalWhere.args.toArray());
        return new Table(sortedRows(rows, request.breakdown()), total);
    }

    /**
     * Waits sum day histograms. London-wide figures read London's own monthly histograms; figures by or within
     * boroughs read each borough's yearly histograms for the financial years the period covers whole (where the
     * boroughs' ICBs did not change during the year) and monthly ones for the rest.
     */
    private Table waits(DashboardRequest request) {
        Dimension breakdown = request.breakdown();
        Map<String, Map<String, TreeMap<Integer, Long>>> byKey = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Long>> total = new HashMap<>();
        boolean totalFromRows = breakdown.rollupDimension() == null;
        Where where = referralWhere(request, breakdown);
        boolean allReferrals = where.args.get(0).equals("all");
        boolean geographic = breakdown == Dimension.BOROUGH || breakdown == Dimension.ICB
                || request.filters().containsKey(Dimension.BOROUGH) || request.filters().containsKey(Dimension.ICB);
        if (allReferrals && !geographic) {
            where.and("r.borough_gss_code = '*'");
            waitRows(request, breakdown, where, "dash_referral_wait", "r.month", byKey, totalFromRows ? total : null);
        } else {
            where.and("r.borough_gss_code <> '*'");
            int[] years = allReferrals && (breakdown != Dimension.TIME
                    || request.granularity() == DashboardRequest.Granularity.FINANCIAL_YEAR)
                    ? wholeYears(request) : null;
            if (years != null) {
                LocalDate yearsFrom = LocalDate.of(years[0], 4, 1);
                LocalDate yearsTo = LocalDate.of(years[1] + 1, 3, 31);
                where.and("NOT (r.month BETWEEN ? AND ?)", yearsFrom, yearsTo);
                Where yearly = new Where();
                String month = "make_date(r.financial_year, 4, 1)";
                yearly.and("r.financial_year BETWEEN ? AND ?", years[0], years[1]);
                yearly.geography(request, month, "r.borough_gss_code");
                if (breakdown == Dimension.ICB) {
                    yearly.icbJoin(request, month, "r.borough_gss_code");
                }
                waitRows(request, breakdown, yearly, "dash_referral_wait_year", month, byKey, total);
            }
            waitRows(request, breakdown, where, "dash_referral_wait", "r.month", byKey, totalFromRows ? total : null);
        }
        if (!totalFromRows) {
            Where totalWhere = referralWhere(request, Dimension.TIME);
            totalWhere.and(geographic ? "r.borough_gss_code <> '*'" : "r.borough_gss_code = '*'");
            jdbc.query("SELECT r.wait, r.days, sum(r.referrals) AS referrals FROM dash_referral_wait r "
                    + totalWhere.joins + " WHERE " + totalWhere.sql + " GROUP BY 1, 2", rs -> {
                total.computeIfAbsent(rs.getString("wait"), w -> new TreeMap<>())
                        .merge(rs.getInt("days"), rs.getLong("referrals"), Long::sum);
            }, totalWhere.args.toArray());
        }
        LinkedHashMap<String, Figures> rows = new LinkedHashMap<>();
        byKey.forEach((k, waits) -> rows.put(k, waitFigures(waits)));
        return new Table(sortedRows(rows, breakdown), waitFigures(total));
    }

    private void waitRows(DashboardRequest request, Dimension breakdown, Where where, String table, String month,
                          Map<String, Map<String, TreeMap<Integer, Long>>> byKey,
                          Map<String, TreeMap<Integer, Long>> total) {
        String key = key(request, breakdown, month, "r.borough_gss_code", "r.value");
        String sql = "SELECT " + key + " AS key, r.wait, r.days, sum(r.referrals) AS referrals FROM " + table + " r "
                + where.joins + " WHERE " + where.sql + " GROUP BY 1, 2, 3";
        jdbc.query(sql, rs -> {
            String wait = rs.getString("wait");
            int days = rs.getInt("days");
            long n = rs.getLong("referrals");
            byKey.computeIfAbsent(rs.getString("key"), k -> new HashMap<>())
                    .computeIfAbsent(wait, w -> new TreeMap<>()).merge(days, n, Long::sum);
            if (total != null) {
                total.computeIfAbsent(wait, w -> new TreeMap<>()).merge(days, n, Long::sum);
            }
        }, where.args.toArray());
    }

    /**
     * The first and last financial years lying wholly inside the period, during which no borough changed ICB
     * (when ICBs matter), or null when there are none.
     */
    private int[] wholeYears(DashboardRequest request) {
        LocalDate from = request.from().withDayOfMonth(1);
        int first = DashboardReferralsProjection.financialYear(from) + (from.getMonthValue() == 4 ? 0 : 1);
        int last = DashboardReferralsProjection.financialYear(request.to())
                - (request.to().getMonthValue() == 3 && request.to().getDayOfMonth() == 31 ? 0 : 1);
        boolean icb = request.breakdown() == Dimension.ICB || request.filters().containsKey(Dimension.ICB);
        if (icb && request.geography() != DashboardRequest.Geography.TODAY) {
            // Shrink to the years after the last change of ICB boundaries within the period.
            List<LocalDate> changes = jdbc.queryForList("""
                    SELECT d FROM (SELECT valid_from AS d FROM ref_borough_health_area
                                   UNION SELECT valid_to FROM ref_borough_health_area WHERE valid_to IS NOT NULL) c
                    WHERE d > make_date(?, 4, 1) AND d <= make_date(?, 3, 31) ORDER BY d""", LocalDate.class,
                    first, last + 1);
            for (LocalDate change : changes) {
                int year = DashboardReferralsProjection.financialYear(change);
                if (change.getMonthValue() != 4 || change.getDayOfMonth() != 1) {
                    first = Math.max(first, year + 1);
                } else {
                    first = Math.max(first, year);
                }
            }
        }
        return first <= last ? new int[] {first, last} : null;
    }

    private Table providers(DashboardRequest request) {
        Where where = new Where();
        where.period(request, "r.month");
        where.geography(request, "r.month", "r.borough_gss_code");
        if (request.filters().containsKey(Dimension.PROVIDER)) {
            where.and("r.provider_id = ?", request.filters().get(Dimension.PROVIDER));
        }
        String sums = "sum(r.connections) AS connections, sum(r.attended) AS attended, sum(r.missed) AS missed";
        String key = request.breakdown() == Dimension.PROVIDER ? "r.provider_id"
                : key(request, request.breakdown(), "r.month", "r.borough_gss_code", null);
        if (request.breakdown() == Dimension.ICB) {
            where.icbJoin(request, "r.month", "r.borough_gss_code");
        }
        LinkedHashMap<String, Figures> rows = new LinkedHashMap<>();
        jdbc.query("SELECT " + key + " AS key, " + sums + " FROM dash_provider_rollup r " + where.joins + " WHERE "
                + where.sql + " GROUP BY 1", rs -> {
            rows.put(rs.getString("key"), providerFigures(rs));
        }, where.args.toArray());
        // The outcomes of the people served, by the month each referral was first connected to the provider.
        String outcomes = "sum(r.with_baseline) AS with_baseline, sum(r.matched) AS matched, sum(r.improved) AS improved";
        jdbc.query("SELECT " + key + " AS key, " + outcomes + " FROM dash_provider_outcome r " + where.joins
                + " WHERE " + where.sql + " GROUP BY 1", rs -> {
            outcomeFigures(rows.computeIfAbsent(rs.getString("key"), k -> emptyProviderFigures()), rs);
        }, where.args.toArray());
        rows.values().forEach(f -> outcomeDefaults(f));
        // Every rollup row falls in exactly one group and all these figures are counts, so the total is the sum
        // of the groups: no second pass over the same rows.
        Figures total = emptyProviderFigures();
        outcomeDefaults(total);
        return new Table(sortedRows(rows, request.breakdown()), summed(total, rows.values()));
    }

    private Table capacity(DashboardRequest request) {
        Where where = new Where();
        where.period(request, "r.month");
        Where total = new Where();
        total.period(request, "r.month");
        if (request.filters().containsKey(Dimension.PROVIDER)) {
            where.and("r.provider_id = ?", request.filters().get(Dimension.PROVIDER));
            total.and("r.provider_id = ?", request.filters().get(Dimension.PROVIDER));
        } else {
            where.and(request.breakdown() == Dimension.PROVIDER ? "r.provider_id <> ?" : "r.provider_id = ?",
                    DashboardProvidersProjection.LONDON);
            total.and("r.provider_id = ?", DashboardProvidersProjection.LONDON);
        }
        String sums = "sum(r.sessions) AS sessions, sum(r.places) AS places, sum(r.attended) AS attended";
        String key = request.breakdown() == Dimension.PROVIDER ? "r.provider_id"
                : request.granularity().sql("r.month") + "::text";
        LinkedHashMap<String, Figures> rows = new LinkedHashMap<>();
        jdbc.query("SELECT " + key + " AS key, " + sums + " FROM dash_provider_capacity r WHERE " + where.sql
                + " GROUP BY 1", rs -> {
            rows.put(rs.getString("key"), capacityFigures(rs));
        }, where.args.toArray());
        Figures totals = jdbc.query("SELECT " + sums + " FROM dash_provider_capacity r WHERE " + total.sql,
                rs -> rs.next() ? capacityFigures(rs) : new Figures(), total.args.toArray());
        return new Table(sortedRows(rows, request.breakdown()), totals);
    }

    private Table caseloads(DashboardRequest request) {
        Where where = new Where();
        String month = "make_date(r.financial_year, 4, 1)";
        where.and("r.financial_year BETWEEN ? AND ?",
                DashboardReferralsProjection.financialYear(request.from()),
                DashboardReferralsProjection.financialYear(request.to()));
        where.geography(request, month, "r.borough_gss_code");
        if (request.breakdown() == Dimension.ICB) {
            where.icbJoin(request, month, "r.borough_gss_code");
        }
        String key = request.breakdown() == Dimension.TIME ? month + "::text"
                : key(request, request.breakdown(), month, "r.borough_gss_code", null);
        String sums = """
                count(*) AS link_workers, count(*) FILTER (WHERE r.people < 200) AS below,
                count(*) FILTER (WHERE r.people BETWEEN 200 AND 250) AS within,
                count(*) FILTER (WHERE r.people > 250) AS above,
                percentile_disc(0.5) WITHIN GROUP (ORDER BY r.people) AS median
                """;
        LinkedHashMap<String, Figures> rows = new LinkedHashMap<>();
        jdbc.query("SELECT " + key + " AS key, " + sums + " FROM dash_caseload r " + where.joins + " WHERE "
                + where.sql + " GROUP BY 1", rs -> {
            rows.put(rs.getString("key"), caseloadFigures(rs));
        }, where.args.toArray());
        Figures total = jdbc.query("SELECT " + sums + " FROM dash_caseload r " + where.joins + " WHERE " + where.sql,
                rs -> rs.next() ? caseloadFigures(rs) : new Figures(), where.args.toArray());
        return new Table(sortedRows(rows, request.breakdown()), total);
    }

    private Where referralWhere(DashboardRequest request, Dimension breakdown) {
        Where where = new Where();
        String dimension = "all";
        for (Dimension filter : request.filters().keySet()) {
            if (filter.rollupDimension() != null) {
                dimension = filter.rollupDimension();
            }
        }
        if (breakdown.rollupDimension() != null) {
            dimension = breakdown.rollupDimension();
        }
        where.and("r.dimension = ?", dimension);
        where.period(request, "r.month");
        where.geography(request, "r.month", "r.borough_gss_code");
        for (Map.Entry<Dimension, String> filter : request.filters().entrySet()) {
            Dimension d = filter.getKey();
            if (d == Dimension.IMD_QUINTILE) {
                int quintile = Integer.parseInt(filter.getValue());
                where.and("r.value IN (?, ?)", String.valueOf(quintile * 2 - 1), String.valueOf(quintile * 2));
            } else if (d.rollupDimension() != null) {
                where.and("r.value = ?", filter.getValue());
            }
        }
        if (breakdown == Dimension.ICB) {
            where.icbJoin(request, "r.month", "r.borough_gss_code");
        }
        return where;
    }

    /** The SQL of a row's key for a breakdown. */
    private static String key(DashboardRequest request, Dimension breakdown, String month, String borough, String value) {
        return switch (breakdown) {
            case TIME -> request.granularity().sql(month) + "::text";
            case BOROUGH -> borough;
            case ICB -> "COALESCE(icb.ods_code, 'UNKNOWN')";
            case IMD_QUINTILE -> "CASE WHEN " + value + " ~ '^[0-9]+$' THEN ((" + value + "::integer + 1) / 2)::text ELSE "
                    + value + " END";
            default -> value;
        };
    }

    private static LinkedHashMap<String, Figures> sortedRows(LinkedHashMap<String, Figures> rows, Dimension breakdown) {
        List<String> keys = new ArrayList<>(rows.keySet());
        if (breakdown == Dimension.IMD_DECILE || breakdown == Dimension.IMD_QUINTILE) {
            keys.sort((a, b) -> {
                boolean an = a.matches("\\d+");
                boolean bn = b.matches("\\d+");
                return an && bn ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : Boolean.compare(bn, an);
            });
        } else {
            keys.sort(String::compareTo);
        }
        LinkedHashMap<String, Figures> sorted = new LinkedHashMap<>();
        keys.forEach(k -> sorted.put(k, rows.get(k)));
        return sorted;
    }

    private static Figures referralFigures(ResultSet rs) throws SQLException {
        Figures f = new Figures();
        f.counts().put("received", rs.getLong("received"));
        f.counts().put("accepted", rs.getLong("accepted"));
        f.counts().put("declined", rs.getLong("declined"));
        f.counts().put("peopleSupported", rs.getLong("people_supported"));
        f.counts().put("contacted", rs.getLong("contacted"));
        f.counts().put("assessed", rs.getLong("assessed"));
        f.counts().put("connected", rs.getLong("connected"));
        f.counts().put("attended", rs.getLong("attended"));
        f.counts().put("completed", rs.getLong("completed"));
        f.counts().put("closed", rs.getLong("closed"));
        f.counts().put("sessionsAttended", rs.getLong("sessions_attended"));
        f.counts().put("sessionsMissed", rs.getLong("sessions_missed"));
        f.counts().put("sessionsRecorded", rs.getLong("sessions_attended") + rs.getLong("sessions_missed"));
        f.counts().put("peopleWithBaseline", rs.getLong("with_baseline"));
        f.counts().put("matchedPeople", rs.getLong("matched"));
        f.counts().put("improved", rs.getLong("improved"));
        return f;
    }

    private static Figures providerFigures(ResultSet rs) throws SQLException {
        Figures f = new Figures();
        f.counts().put("connections", rs.getLong("connections"));
        f.counts().put("sessionsAttended", rs.getLong("attended"));
        f.counts().put("sessionsMissed", rs.getLong("missed"));
        f.counts().put("sessionsRecorded", rs.getLong("attended") + rs.getLong("missed"));
        return f;
    }

    /** Adds each count of the rows to {@code total}: the total of a breakdown whose rows partition the data. */
    static Figures summed(Figures total, Iterable<Figures> rows) {
        for (Figures row : rows) {
            row.counts().forEach((name, value) -> total.counts().merge(name, value, Long::sum));
        }
        return total;
    }

    private static Figures emptyProviderFigures() {
        Figures f = new Figures();
        for (String name : List.of("connections", "sessionsAttended", "sessionsMissed", "sessionsRecorded")) {
            f.counts().put(name, 0L);
        }
        return f;
    }

    private static void outcomeFigures(Figures f, ResultSet rs) throws SQLException {
        f.counts().put("peopleWithBaseline", rs.getLong("with_baseline"));
        f.counts().put("matchedPeople", rs.getLong("matched"));
        f.counts().put("improved", rs.getLong("improved"));
    }

    private static void outcomeDefaults(Figures f) {
        for (String name : List.of("peopleWithBaseline", "matchedPeople", "improved")) {
            f.counts().putIfAbsent(name, 0L);
        }
    }

    private static Figures capacityFigures(ResultSet rs) throws SQLException {
        Figures f = new Figures();
        f.counts().put("sessions", rs.getLong("sessions"));
        f.counts().put("places", rs.getLong("places"));
        f.counts().put("sessionsAttended", rs.getLong("attended"));
        return f;
    }

    private static Figures caseloadFigures(ResultSet rs) throws SQLException {
        Figures f = new Figures();
        f.counts().put("linkWorkers", rs.getLong("link_workers"));
        f.counts().put("belowSafeRange", rs.getLong("below"));
        f.counts().put("withinSafeRange", rs.getLong("within"));
        f.counts().put("aboveSafeRange", rs.getLong("above"));
        Object median = rs.getObject("median");
        if (median != null) {
            f.statistics().put("medianCaseload", ((Number) median).doubleValue());
        }
        return f;
    }

    private static Figures waitFigures(Map<String, TreeMap<Integer, Long>> waits) {
        Figures f = new Figures();
        wait(f, waits.get("first-contact"), "firstContact");
        wait(f, waits.get("first-activity"), "firstActivity");
        return f;
    }

    private static void wait(Figures f, TreeMap<Integer, Long> histogram, String prefix) {
        long n = histogram == null ? 0 : histogram.values().stream().mapToLong(Long::longValue).sum();
        f.counts().put(prefix + "Referrals", n);
        if (n > 0) {
            f.statistics().put(prefix + "MedianDays", (double) nearestRank(histogram, n, 0.5));
            f.statistics().put(prefix + "P90Days", (double) nearestRank(histogram, n, 0.9));
        }
    }

    /** The nearest-rank percentile: the smallest value with at least p of the observations at or below it. */
    static int nearestRank(TreeMap<Integer, Long> histogram, long n, double p) {
        long rank = (long) Math.ceil(p * n);
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : histogram.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey();
            }
        }
        return histogram.lastKey();
    }

    /** A WHERE clause and its joins, with the bind values in order. */
    private static final class Where {
        private String sql = "TRUE";
        private String joins = "";
        private final List<Object> args = new ArrayList<>();

        void and(String condition, Object... values) {
            sql = sql + " AND " + condition;
            args.addAll(List.of(values));
        }

        void period(DashboardRequest request, String month) {
            and(month + " BETWEEN ? AND ?", request.from().withDayOfMonth(1), request.to());
        }

        void geography(DashboardRequest request, String month, String borough) {
            if (request.filters().containsKey(Dimension.BOROUGH)) {
                and(borough + " = ?", request.filters().get(Dimension.BOROUGH));
            }
            if (request.filters().containsKey(Dimension.ICB)) {
                String mapping = request.geography() == DashboardRequest.Geography.TODAY
                        ? "m.valid_to IS NULL"
                        : "m.valid_from <= " + month + " AND (m.valid_to IS NULL OR m.valid_to > " + month + ")";
                and(borough + " IN (SELECT m.gss_code FROM ref_borough_health_area m WHERE m.ods_code = ? AND "
                        + mapping + ")", request.filters().get(Dimension.ICB));
            }
            if (request.filters().containsKey(Dimension.PCN) && request.view().source() != DashboardView.Source.REFERRALS) {
                throw new IllegalStateException("pcn is only a referral dimension");
            }
        }

        void icbJoin(DashboardRequest request, String month, String borough) {
            String mapping = request.geography() == DashboardRequest.Geography.TODAY
                    ? "icb.valid_to IS NULL"
                    : "icb.valid_from <= " + month + " AND (icb.valid_to IS NULL OR icb.valid_to > " + month + ")";
            joins = joins + " LEFT JOIN ref_borough_health_area icb ON icb.gss_code = " + borough + " AND " + mapping;
        }
    }

    /** Names for keys: borough and ICB names, provider names; other keys are their own label. */
    Map<String, String> labels(Dimension breakdown, List<String> keys, DashboardRequest.Granularity granularity) {
        Map<String, String> labels = new HashMap<>();
        switch (breakdown) {
            case TIME -> keys.forEach(k -> labels.put(k, granularity.label(LocalDate.parse(k))));
            case BOROUGH -> jdbc.query("SELECT gss_code, name FROM ref_borough", rs -> {
                labels.put(rs.getString(1), rs.getString(2));
            });
            case ICB -> jdbc.query("SELECT ods_code, name FROM ref_health_area WHERE valid_to IS NULL", rs -> {
                labels.put(rs.getString(1), rs.getString(2));
            });
            case PROVIDER -> {
                if (!keys.isEmpty()) {
                    jdbc.query("SELECT provider_id, name FROM dash_provider WHERE provider_id = ANY(?::text[])", rs -> {
                        labels.put(rs.getString(1), rs.getString(2));
                    }, (Object) keys.toArray(String[]::new));
                }
            }
            default -> {
            }
        }
        return labels;
    }
}

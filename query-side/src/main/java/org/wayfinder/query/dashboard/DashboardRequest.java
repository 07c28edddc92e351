package org.wayfinder.query.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.wayfinder.kernel.person.AgeBand;
import org.wayfinder.kernel.person.EthnicGroup;
import org.wayfinder.kernel.person.Sex;
import org.wayfinder.kernel.referral.Need;
import org.wayfinder.kernel.referral.ReferralSource;
import org.wayfinder.query.disclosure.SuppressionPolicy;

/**
 * A dashboard request, checked: the period snapped to whole months, quarters or financial years, at most one
 * value per filter, and the breakdown. Every refusal names the parameter.
 */
record DashboardRequest(DashboardView view, Granularity granularity, LocalDate from, LocalDate to,
                        Map<Dimension, String> filters, Dimension breakdown, Geography geography,
                        SuppressionPolicy policy, boolean csv) {

    static final Set<String> PARAMETERS = Set.of("period", "from", "to", "icb", "borough", "pcn", "source", "need",
            "provider", "ageBand", "sex", "ethnicGroup", "imdQuintile", "imdDecile", "breakdown", "geography",
            "suppression", "format");

    private static final Pattern ODS = Pattern.compile("[A-Z0-9]{3,10}");
    private static final Pattern GSS = Pattern.compile("E09[0-9]{6}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,36}");

    /** How the period is cut into time buckets; quarters and years are the NHS financial year's (April-March). */
    enum Granularity {
        MONTH("month"), QUARTER("quarter"), FINANCIAL_YEAR("financial-year");

        private final String id;

        Granularity(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }

        LocalDate bucketStart(LocalDate date) {
            LocalDate month = date.withDayOfMonth(1);
            return switch (this) {
                case MONTH -> month;
                case QUARTER -> month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
                case FINANCIAL_YEAR -> LocalDate.of(month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1, 4, 1);
            };
        }

        LocalDate bucketEnd(LocalDate date) {
            LocalDate start = bucketStart(date);
            return switch (this) {
                case MONTH -> start.plusMonths(1).minusDays(1);
                case QUARTER -> start.plusMonths(3).minusDays(1);
                case FINANCIAL_YEAR -> start.plusYears(1).minusDays(1);
            };
        }

        /** How a bucket is named: {@code 2025-04}, {@code 2025/26 Q1}, {@code 2025/26}. */
        String label(LocalDate start) {
            int fy = start.getMonthValue() >= 4 ? start.getYear() : start.getYear() - 1;
            String year = fy + "/" + String.format("%02d", (fy + 1) % 100);
            return switch (this) {
                case MONTH -> YearMonth.from(start).toString();
                case QUARTER -> year + " Q" + (((start.getMonthValue() + 8) % 12) / 3 + 1);
                case FINANCIAL_YEAR -> year;
            };
        }

        /** The SQL for the bucket a month column falls in. */
        String sql(String monthColumn) {
            return switch (this) {
                case MONTH -> monthColumn;
                case QUARTER -> "date_trunc('quarter', " + monthColumn + ")::date";
                case FINANCIAL_YEAR -> "make_date(EXTRACT(YEAR FROM " + monthColumn + " - INTERVAL '3 months')::integer, 4, 1)";
            };
        }
    }

    /** Which borough-to-ICB mapping ICB filters and breakdowns use. */
    enum Geography {
        AT_THE_TIME("at-the-time"), TODAY("today");

        private final String id;

        Geography(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }
    }

    /** A request's parameter was refused. */
    static final class Invalid extends RuntimeException {
        private final String parameter;

        Invalid(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }

    static DashboardRequest parse(DashboardView view, Map<String, String> params, SuppressionPolicy defaultPolicy,
                                  LocalDate today, boolean csvAccepted) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new Invalid(name, "Unknown parameter '" + name + "'; the parameters are " + sorted(PARAMETERS) + ".");
            }
        }
        Granularity granularity = pick("period", params.get("period"), Granularity.MONTH,
                Arrays.stream(Granularity.values()).map(g -> Map.entry(g.id(), g)).toList());
        LocalDate to = granularity.bucketEnd(date("to", params.get("to"), today.withDayOfMonth(1).minusMonths(1), false));
        LocalDate defaultFrom = switch (granularity) {
            case MONTH -> to.withDayOfMonth(1).minusMonths(11);
            case QUARTER -> granularity.bucketStart(to).minusMonths(9);
            case FINANCIAL_YEAR -> granularity.bucketStart(to).minusYears(4);
        };
        LocalDate from = granularity.bucketStart(date("from", params.get("from"), defaultFrom, true));
        if (from.isAfter(to)) {
            throw new Invalid("from", "'from' must not be after 'to'.");
        }
        if (from.isBefore(LocalDate.of(2000, 1, 1)) || to.isAfter(LocalDate.of(2100, 1, 1))) {
            throw new Invalid("from", "The period must lie between 2000 and 2100.");
        }
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            String value = params.get(dimension.parameter());
            if (dimension == Dimension.TIME || value == null || value.isBlank()) {
                continue;
            }
            if (!view.dimensions().contains(dimension)) {
                throw new Invalid(dimension.parameter(), "The '" + view.id() + "' dashboard cannot be filtered by '"
                        + dimension.parameter() + "'; it can be filtered by " + names(view) + ".");
            }
            filters.put(dimension, checked(dimension, value.trim()));
        }
        Dimension breakdown = view.defaultBreakdown();
        String breakdownParam = params.get("breakdown");
        if (breakdownParam != null && !breakdownParam.isBlank()) {
            breakdown = Dimension.byParameter(breakdownParam)
                    .filter(d -> view.dimensions().contains(d))
                    .orElseThrow(() -> new Invalid("breakdown", "'breakdown' must be one of time, " + names(view) + "."));
        }
        if (view.source() == DashboardView.Source.REFERRALS) {
            List<String> nonGeographic = new ArrayList<>();
            filters.keySet().stream().filter(d -> d.rollupDimension() != null && d != Dimension.PCN)
                    .forEach(d -> nonGeographic.add(d.rollupDimension()));
            if (breakdown.rollupDimension() != null && breakdown != Dimension.PCN) {
                nonGeographic.add(breakdown.rollupDimension());
            }
            boolean pcn = filters.containsKey(Dimension.PCN) || breakdown == Dimension.PCN;
            long distinct = nonGeographic.stream().distinct().count() + (pcn ? 1 : 0);
            if (distinct > 1) {
                String parameter = breakdownParam != null && !breakdownParam.isBlank() ? "breakdown"
                        : filters.keySet().stream().filter(d -> d.rollupDimension() != null)
                        .reduce((a, b) -> b).map(Dimension::parameter).orElse("breakdown");
                throw new Invalid(parameter, "Only one of pcn, source, need, ageBand, sex, ethnicGroup, imdQuintile "
                        + "and imdDecile can be used at a time, as a filter or as the breakdown (together with period "
                        + "and icb or borough): the dashboards are precomputed one dimension at a time.");
            }
        }
        Geography geography = pick("geography", params.get("geography"), Geography.AT_THE_TIME,
                Arrays.stream(Geography.values()).map(g -> Map.entry(g.id(), g)).toList());
        String suppression = params.get("suppression");
        SuppressionPolicy policy = suppression == null || suppression.isBlank() ? defaultPolicy
                : SuppressionPolicy.named(suppression).orElseThrow(() -> new Invalid("suppression",
                "'suppression' must be one of " + SuppressionPolicy.ids() + "."));
        String format = params.get("format");
        boolean csv = csvAccepted;
        if (format != null && !format.isBlank()) {
            if (!format.equals("csv") && !format.equals("json")) {
                throw new Invalid("format", "'format' must be csv or json.");
            }
            csv = format.equals("csv");
        }
        return new DashboardRequest(view, granularity, from, to, filters, breakdown, geography, policy, csv);
    }

    /**
     * London level is the whole of London with nothing narrowed and no breakdown but time: those figures are
     * published as they are. Anything narrower, including a breakdown by a demographic dimension, is suppressed.
     */
    boolean londonLevel() {
        return filters.isEmpty() && breakdown == Dimension.TIME;
    }

    /** The filters as given, by parameter name, for responses and CSV headers. */
    Map<String, String> filterParameters() {
        Map<String, String> named = new LinkedHashMap<>();
        filters.forEach((dimension, value) -> named.put(dimension.parameter(), value));
        return named;
    }

    private static String checked(Dimension dimension, String value) {
        boolean ok = switch (dimension) {
            case ICB, PCN -> ODS.matcher(value).matches();
            case BOROUGH -> GSS.matcher(value).matches();
            case SOURCE -> Arrays.stream(ReferralSource.values()).anyMatch(s -> s.name().equals(value));
            case NEED -> Need.byCode(value).isPresent();
            case PROVIDER -> ID.matcher(value).matches();
            case AGE_BAND -> Arrays.stream(AgeBand.values()).anyMatch(a -> a.name().equals(value));
            case SEX -> Arrays.stream(Sex.values()).anyMatch(s -> s.name().equals(value));
            case ETHNIC_GROUP -> Arrays.stream(EthnicGroup.values()).anyMatch(e -> e.name().equals(value));
            case IMD_QUINTILE -> value.matches("[1-5]");
            case IMD_DECILE -> value.matches("[1-9]|10");
            case TIME -> false;
        };
        if (!ok) {
            throw new Invalid(dimension.parameter(), "'" + dimension.parameter() + "' has an invalid value"
                    + switch (dimension) {
                        case ICB -> ": give an ICB's ODS code, such as QMJ.";
                        case PCN -> ": give a PCN's ODS code.";
                        case BOROUGH -> ": give a London borough's ONS GSS code, such as E09000007.";
                        case SOURCE -> "; one of " + Arrays.toString(ReferralSource.values()) + ".";
                        case NEED -> "; give a need code, such as loneliness-isolation.";
                        case AGE_BAND -> "; one of " + Arrays.toString(AgeBand.values()) + ".";
                        case SEX -> "; one of " + Arrays.toString(Sex.values()) + ".";
                        case ETHNIC_GROUP -> "; one of " + Arrays.toString(EthnicGroup.values()) + ".";
                        case IMD_QUINTILE -> "; 1 to 5.";
                        case IMD_DECILE -> "; 1 to 10.";
                        default -> ".";
                    });
        }
        return value;
    }

    private static LocalDate date(String parameter, String value, LocalDate fallback, boolean start) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            if (value.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(value).atDay(1);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(parameter, "'" + parameter + "' must be a month (2025-04) or a date (2025-04-01).");
        }
    }

    private static <T> T pick(String parameter, String value, T fallback, List<Map.Entry<String, T>> choices) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return choices.stream().filter(c -> c.getKey().equals(value)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new Invalid(parameter, "'" + parameter + "' must be one of "
                        + choices.stream().map(Map.Entry::getKey).toList() + "."));
    }

    private static String names(DashboardView view) {
        return view.dimensions().stream().filter(d -> d != Dimension.TIME).map(Dimension::parameter).toList().toString();
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}

package org.wayfinder.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.wayfinder.query.disclosure.SuppressionPolicy;

class DashboardRequestTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static DashboardRequest parse(DashboardView view, Map<String, String> params) {
        return DashboardRequest.parse(view, params, SuppressionPolicy.NHS_ENGLAND, TODAY, false);
    }

    @Test
    void the_default_period_is_the_twelve_months_to_the_end_of_last_month() {
        DashboardRequest request = parse(DashboardView.VOLUMES, Map.of());
        assertThat(request.from()).isEqualTo(LocalDate.of(2025, 11, 1));
        assertThat(request.to()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(request.londonLevel()).isTrue();
        assertThat(request.policy()).isEqualTo(SuppressionPolicy.NHS_ENGLAND);
    }

    @Test
    void financial_years_and_quarters_run_from_april() {
        DashboardRequest request = parse(DashboardView.VOLUMES, Map.of("period", "financial-year", "from", "2025-01",
                "to", "2025-04"));
        assertThat(request.from()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(request.to()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(DashboardRequest.Granularity.FINANCIAL_YEAR.label(LocalDate.of(2024, 4, 1))).isEqualTo("2024/25");
        assertThat(DashboardRequest.Granularity.QUARTER.label(LocalDate.of(2025, 4, 1))).isEqualTo("2025/26 Q1");
        assertThat(DashboardRequest.Granularity.QUARTER.label(LocalDate.of(2026, 1, 1))).isEqualTo("2025/26 Q4");
    }

    @Test
    void anything_narrower_than_london_is_suppressed() {
        assertThat(parse(DashboardView.VOLUMES, Map.of("breakdown", "borough")).londonLevel()).isFalse();
        assertThat(parse(DashboardView.VOLUMES, Map.of("sex", "FEMALE")).londonLevel()).isFalse();
        assertThat(parse(DashboardView.NEEDS, Map.of()).londonLevel()).isFalse();
    }

    @Test
    void refusals_name_the_parameter() {
        assertRefused(DashboardView.VOLUMES, Map.of("period", "week"), "period");
        assertRefused(DashboardView.VOLUMES, Map.of("from", "last year"), "from");
        assertRefused(DashboardView.VOLUMES, Map.of("from", "2026-05", "to", "2026-01"), "from");
        assertRefused(DashboardView.VOLUMES, Map.of("imdDecile", "11"), "imdDecile");
        assertRefused(DashboardView.VOLUMES, Map.of("provider", "p-1"), "provider");
        assertRefused(DashboardView.CASELOADS, Map.of("source", "GP_PRACTICE"), "source");
        assertRefused(DashboardView.EQUITY, Map.of("need", "housing", "breakdown", "sex"), "breakdown");
        assertRefused(DashboardView.VOLUMES, Map.of("suppression", "off"), "suppression");
        assertRefused(DashboardView.VOLUMES, Map.of("format", "xml"), "format");
    }

    @Test
    void a_filter_and_the_breakdown_may_share_a_dimension() {
        DashboardRequest request = parse(DashboardView.EQUITY, Map.of("imdQuintile", "1", "breakdown", "imdDecile"));
        assertThat(request.breakdown()).isEqualTo(Dimension.IMD_DECILE);
    }

    @Test
    void percentiles_are_nearest_rank() {
        TreeMap<Integer, Long> days = new TreeMap<>(Map.of(5, 10L, 12, 5L));
        assertThat(DashboardQueries.nearestRank(days, 15, 0.5)).isEqualTo(5);
        assertThat(DashboardQueries.nearestRank(days, 15, 0.9)).isEqualTo(12);
    }

    private static void assertRefused(DashboardView view, Map<String, String> params, String parameter) {
        assertThatThrownBy(() -> parse(view, params)).isInstanceOf(DashboardRequest.Invalid.class)
                .satisfies(e -> assertThat(((DashboardRequest.Invalid) e).parameter()).isEqualTo(parameter));
    }
}

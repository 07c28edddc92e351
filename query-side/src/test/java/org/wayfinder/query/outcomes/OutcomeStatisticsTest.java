package org.wayfinder.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wayfinder.query.outcomes.OutcomePairsRepository.Baseline;
import org.wayfinder.query.outcomes.OutcomeStatisticsQuery.PairsPerPerson;

class OutcomeStatisticsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/London")).toInstant(),
            ZoneId.of("Europe/London"));

    @Test
    void a_person_referred_twice_counts_once_when_only_the_first_pair_is_asked_for() {
        List<Baseline> baselines = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            baselines.add(new Baseline("r" + i, "p" + i, TODAY.minusDays(400), 1798, 2073));
        }
        // p0's second referral, a year later, with a much larger change.
        baselines.add(new Baseline("r9", "p0", TODAY.minusDays(200), 1000, 3000));

        OutcomeStatisticsResponse all = answer(baselines, PairsPerPerson.ALL);
        OutcomeStatisticsResponse first = answer(baselines, PairsPerPerson.FIRST);

        assertThat(all.change().mean()).isCloseTo((9 * 2.75 + 20.0) / 10, within(1e-12));
        assertThat(first.change().mean()).isCloseTo(2.75, within(1e-12));
        assertThat(first.pairedTTest().df()).isEqualTo(8);
        assertThat(first.pairedTTest().t()).as("every change the same").isNull();
        assertThat(first.matching()).contains("earliest matched pair");
        assertThat(first.counts().withFollowUpInWindow()).isEqualTo(10L);
    }

    @Test
    void attrition_separates_windows_still_open_from_follow_ups_missed() {
        List<Baseline> baselines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            baselines.add(new Baseline("m" + i, "m" + i, TODAY.minusDays(300), 1798, 1859 + i));
        }
        for (int i = 0; i < 12; i++) {
            baselines.add(new Baseline("lost" + i, "lost" + i, TODAY.minusDays(300), 1798, null));
        }
        for (int i = 0; i < 3; i++) {
            // 112-day window from a baseline 100 days ago: still open today.
            baselines.add(new Baseline("open" + i, "open" + i, TODAY.minusDays(100), 1798, null));
        }
        OutcomeStatisticsResponse response = answer(baselines, PairsPerPerson.ALL);

        assertThat(response.counts()).isEqualTo(new OutcomeStatisticsResponse.Counts(10L, 25L, 10L, 15L, "*", 25L, 10L));
        assertThat(response.suppressed()).isFalse();
        assertThat(response.warning()).contains("Fewer than 30");
    }

    @Test
    void one_to_seven_pairs_show_no_statistics() {
        List<Baseline> baselines = List.of(new Baseline("a", "a", TODAY.minusDays(300), 1798, 2073),
                new Baseline("b", "b", TODAY.minusDays(300), 1798, 1998));
        OutcomeStatisticsResponse response = answer(baselines, PairsPerPerson.ALL);

        assertThat(response.suppressed()).isTrue();
        assertThat(response.counts().pairs()).isEqualTo("*");
        assertThat(response.baseline()).isNull();
        assertThat(response.change()).isNull();
        assertThat(response.pairedTTest()).isNull();
        assertThat(response.wilcoxonSignedRank()).isNull();
        assertThat(response.cohensDz()).isNull();
        assertThat(response.meaningfulImprovement().improved()).isEqualTo("*");
    }

    private static OutcomeStatisticsResponse answer(List<Baseline> baselines, PairsPerPerson pairsPerPerson) {
        OutcomePairsRepository repository = new OutcomePairsRepository(null) {
            @Override
            List<Baseline> baselines(OutcomeStatisticsQuery query) {
                return baselines;
            }
        };
        return new OutcomeStatistics(repository, CLOCK).answer(new OutcomeStatisticsQuery(
                OutcomeMeasure.SWEMWBS_METRIC, OutcomeFilters.NONE, 56, 112, 103, pairsPerPerson,
                SmallNumbers.Policy.NHS_ENGLAND));
    }
}

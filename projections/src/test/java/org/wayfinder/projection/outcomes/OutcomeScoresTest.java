package org.wayfinder.projection.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.wellbeing.Instrument;

class OutcomeScoresTest {

    @Test
    void swemwbs_keeps_raw_and_metric_and_heads_with_the_metric_score() {
        assertThat(OutcomeScores.of(Instrument.SWEMWBS, List.of(3, 3, 3, 3, 3, 2, 2)))
                .isEqualTo(new OutcomeScores(1798, 19, 1798, null, null, null, null, null, null));
    }

    @Test
    void wemwbs_and_ucla3_head_with_their_totals_in_hundredths() {
        assertThat(OutcomeScores.of(Instrument.WEMWBS, List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3)))
                .isEqualTo(new OutcomeScores(4200, null, null, 42, null, null, null, null, null));
        assertThat(OutcomeScores.of(Instrument.UCLA3, List.of(3, 2, 2)))
                .isEqualTo(new OutcomeScores(700, null, null, null, null, null, null, null, 7));
    }

    @Test
    void ons4_has_no_headline_score_only_its_four_ratings() {
        assertThat(OutcomeScores.of(Instrument.ONS4, List.of(6, 7, 5, 8)))
                .isEqualTo(new OutcomeScores(null, null, null, null, 6, 7, 5, 8, null));
    }

    @Test
    void responses_that_cannot_be_scored_leave_every_score_empty_instead_of_stopping_the_projection() {
        assertThat(OutcomeScores.of(Instrument.SWEMWBS, List.of(3, 3, 3))).isEqualTo(OutcomeScores.NONE);
        assertThat(OutcomeScores.of(Instrument.UCLA3, List.of(9, 9, 9))).isEqualTo(OutcomeScores.NONE);
    }

    @Test
    void cohorts_use_the_nhs_financial_year_from_april() {
        assertThat(WellbeingOutcomesProjection.financialYear(LocalDate.of(2026, 3, 31))).isEqualTo("2025/26");
        assertThat(WellbeingOutcomesProjection.financialYear(LocalDate.of(2026, 4, 1))).isEqualTo("2026/27");
        assertThat(WellbeingOutcomesProjection.financialYear(LocalDate.of(2099, 12, 1))).isEqualTo("2099/00");
    }
}

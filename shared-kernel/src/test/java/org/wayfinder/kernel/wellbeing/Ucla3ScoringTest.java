package org.wayfinder.kernel.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ucla3ScoringTest {

    @Test
    void hardly_ever_to_every_item_scores_the_minimum_3() {
        assertThat(WellbeingScoring.ucla3(List.of(1, 1, 1)).total()).isEqualTo(3);
    }

    @Test
    void often_to_every_item_scores_the_maximum_9() {
        assertThat(WellbeingScoring.ucla3(List.of(3, 3, 3)).total()).isEqualTo(9);
    }

    @Test
    void scoring_through_the_instrument_gives_the_ucla3_score() {
        Score score = WellbeingScoring.score(Instrument.UCLA3, List.of(2, 1, 3));

        assertThat(score).isEqualTo(new Ucla3Score(6));
        assertThat(score.instrument()).isEqualTo(Instrument.UCLA3);
    }

    @Test
    void the_default_cut_off_is_6() {
        assertThat(Ucla3Score.DEFAULT_LONELY_CUT_OFF).isEqualTo(6);
    }

    @Test
    void a_total_of_6_is_lonely_at_the_default_cut_off_and_5_is_not() {
        assertThat(new Ucla3Score(6).lonely()).isTrue();
        assertThat(new Ucla3Score(5).lonely()).isFalse();
    }

    @Test
    void the_caller_may_set_another_cut_off() {
        assertThat(new Ucla3Score(6).lonely(7)).isFalse();
        assertThat(new Ucla3Score(7).lonely(7)).isTrue();
        assertThat(new Ucla3Score(5).lonely(5)).isTrue();
    }

    @Test
    void a_cut_off_that_no_total_can_take_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Ucla3Score(6).lonely(2));
        assertThatIllegalArgumentException().isThrownBy(() -> new Ucla3Score(6).lonely(10));
    }

    @Test
    void totals_outside_3_to_9_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Ucla3Score(2));
        assertThatIllegalArgumentException().isThrownBy(() -> new Ucla3Score(10));
    }
}

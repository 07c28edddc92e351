package org.wayfinder.kernel.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WemwbsScoringTest {

    @Test
    void all_responses_of_1_score_the_minimum_14() {
        assertThat(WellbeingScoring.wemwbs(Collections.nCopies(14, 1)).total()).isEqualTo(14);
    }

    @Test
    void all_responses_of_5_score_the_maximum_70() {
        assertThat(WellbeingScoring.wemwbs(Collections.nCopies(14, 5)).total()).isEqualTo(70);
    }

    @Test
    void the_score_is_the_sum_of_the_fourteen_items() {
        List<Integer> items = List.of(3, 4, 2, 3, 3, 4, 5, 1, 2, 3, 4, 3, 3, 3);

        Score score = WellbeingScoring.score(Instrument.WEMWBS, items);

        assertThat(score).isEqualTo(new WemwbsScore(43));
        assertThat(score.instrument()).isEqualTo(Instrument.WEMWBS);
    }

    @Test
    void totals_outside_14_to_70_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WemwbsScore(13));
        assertThatIllegalArgumentException().isThrownBy(() -> new WemwbsScore(71));
    }
}

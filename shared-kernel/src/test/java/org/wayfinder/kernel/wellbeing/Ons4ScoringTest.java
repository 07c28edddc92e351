package org.wayfinder.kernel.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ons4ScoringTest {

    @Test
    void the_four_ratings_are_kept_separately_in_questionnaire_order() {
        Score score = WellbeingScoring.score(Instrument.ONS4, List.of(6, 7, 5, 8));

        assertThat(score).isEqualTo(new Ons4Score(6, 7, 5, 8));
        assertThat(score.instrument()).isEqualTo(Instrument.ONS4);
    }

    @Test
    void there_is_no_composite_score() {
        assertThat(Arrays.stream(Ons4Score.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactly("lifeSatisfaction", "worthwhile", "happiness", "anxiety");
    }

    @ParameterizedTest(name = "rating {0} is {1}")
    @CsvSource({"0, LOW", "4, LOW", "5, MEDIUM", "6, MEDIUM", "7, HIGH", "8, HIGH", "9, VERY_HIGH", "10, VERY_HIGH"})
    void life_satisfaction_bands_follow_the_ons_thresholds(int rating, OnsWellbeingBand band) {
        assertThat(WellbeingScoring.ons4(List.of(rating, 0, 0, 0)).lifeSatisfactionBand()).isEqualTo(band);
    }

    @ParameterizedTest(name = "rating {0} is {1}")
    @CsvSource({"0, LOW", "4, LOW", "5, MEDIUM", "6, MEDIUM", "7, HIGH", "8, HIGH", "9, VERY_HIGH", "10, VERY_HIGH"})
    void worthwhile_bands_follow_the_ons_thresholds(int rating, OnsWellbeingBand band) {
        assertThat(WellbeingScoring.ons4(List.of(0, rating, 0, 0)).worthwhileBand()).isEqualTo(band);
    }

    @ParameterizedTest(name = "rating {0} is {1}")
    @CsvSource({"0, LOW", "4, LOW", "5, MEDIUM", "6, MEDIUM", "7, HIGH", "8, HIGH", "9, VERY_HIGH", "10, VERY_HIGH"})
    void happiness_bands_follow_the_ons_thresholds(int rating, OnsWellbeingBand band) {
        assertThat(WellbeingScoring.ons4(List.of(0, 0, rating, 0)).happinessBand()).isEqualTo(band);
    }

    @ParameterizedTest(name = "anxiety {0} is {1}")
    @CsvSource({"0, VERY_LOW", "1, VERY_LOW", "2, LOW", "3, LOW", "4, MEDIUM", "5, MEDIUM", "6, HIGH", "10, HIGH"})
    void anxiety_bands_follow_the_reversed_ons_thresholds(int rating, OnsAnxietyBand band) {
        assertThat(WellbeingScoring.ons4(List.of(0, 0, 0, rating)).anxietyBand()).isEqualTo(band);
    }

    @Test
    void ratings_outside_0_to_10_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Ons4Score(11, 5, 5, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> new Ons4Score(5, 5, 5, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> OnsWellbeingBand.of(11));
        assertThatIllegalArgumentException().isThrownBy(() -> OnsAnxietyBand.of(-1));
    }
}

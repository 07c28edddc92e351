package org.wayfinder.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmallNumbersTest {

    @Test
    void zero_stays_zero_one_to_seven_are_starred_and_the_rest_round_to_the_nearest_five() {
        assertThat(SmallNumbers.count(0)).isEqualTo(0L);
        assertThat(SmallNumbers.count(1)).isEqualTo("*");
        assertThat(SmallNumbers.count(7)).isEqualTo("*");
        assertThat(SmallNumbers.count(8)).isEqualTo(10L);
        assertThat(SmallNumbers.count(12)).isEqualTo(10L);
        assertThat(SmallNumbers.count(13)).isEqualTo(15L);
        assertThat(SmallNumbers.count(1234)).isEqualTo(1235L);
    }

    @Test
    void shares_come_from_the_rounded_numerator_and_denominator() {
        assertThat(SmallNumbers.share(13, 42)).isEqualTo(15.0 / 40.0);
        assertThat(SmallNumbers.share(3, 42)).isEqualTo("*");
        assertThat(SmallNumbers.share(0, 5)).isEqualTo("*");
        assertThat(SmallNumbers.share(0, 0)).isNull();
    }
}

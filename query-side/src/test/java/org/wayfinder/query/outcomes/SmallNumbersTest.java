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

    @Test
    void threshold_10_stars_one_to_nine_and_publishes_the_rest_exactly() {
        SmallNumbers.Policy policy = SmallNumbers.Policy.THRESHOLD_10;
        assertThat(policy.count(0)).isEqualTo(0L);
        assertThat(policy.count(9)).isEqualTo("*");
        assertThat(policy.count(10)).isEqualTo(10L);
        assertThat(policy.count(13)).isEqualTo(13L);
        assertThat(policy.statisticsShown(9)).isFalse();
        assertThat(policy.statisticsShown(10)).isTrue();
        assertThat(policy.share(13, 40)).isEqualTo(13.0 / 40.0);
    }

    @Test
    void under_5_stars_one_to_four() {
        SmallNumbers.Policy policy = SmallNumbers.Policy.UNDER_5;
        assertThat(policy.count(4)).isEqualTo("*");
        assertThat(policy.count(5)).isEqualTo(5L);
        assertThat(SmallNumbers.Policy.byParameter("under-5")).contains(policy);
        assertThat(SmallNumbers.Policy.byParameter("none")).isEmpty();
    }

    @Test
    void without_rounding_a_total_is_withheld_when_a_part_of_it_is_starred() {
        assertThat(SmallNumbers.Policy.UNDER_5.complement(100, 3)).isEqualTo("*");
        assertThat(SmallNumbers.Policy.UNDER_5.complement(100, 97)).isEqualTo("*");
        assertThat(SmallNumbers.Policy.UNDER_5.complement(100, 50)).isEqualTo(100L);
        // NHS England's rounding already hides the part, so the total stays.
        assertThat(SmallNumbers.Policy.NHS_ENGLAND.complement(100, 3)).isEqualTo(100L);
    }
}

package org.wayfinder.query.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SuppressionPolicyTest {

    private static final SuppressionPolicy NHS = SuppressionPolicy.NHS_ENGLAND;

    @Test
    void nhs_england_keeps_zero_hides_one_to_seven_and_rounds_the_rest_to_five() {
        assertThat(NHS.count(0)).isEqualTo(0L);
        assertThat(NHS.count(1)).isEqualTo("*");
        assertThat(NHS.count(7)).isEqualTo("*");
        assertThat(NHS.count(8)).isEqualTo(10L);
        assertThat(NHS.count(12)).isEqualTo(10L);
        assertThat(NHS.count(13)).isEqualTo(15L);
        assertThat(NHS.count(1234)).isEqualTo(1235L);
    }

    @Test
    void nhs_england_shares_come_from_the_rounded_numerator_and_denominator() {
        // 13 of 42: 15 / 40, not 13 / 42.
        assertThat(NHS.share(13, 42)).isEqualTo(0.375);
        assertThat(NHS.share(3, 42)).isEqualTo("*");
        assertThat(NHS.share(20, 5)).isEqualTo("*");
        assertThat(NHS.share(0, 0)).isNull();
        assertThat(NHS.share(0, 40)).isEqualTo(0.0);
    }

    @Test
    void nhs_england_hides_means_and_medians_over_one_to_seven_people() {
        assertThat(NHS.showsStatisticOver(7)).isFalse();
        assertThat(NHS.showsStatisticOver(8)).isTrue();
    }

    @Test
    void threshold_ten_hides_counts_under_ten_and_does_not_round() {
        SuppressionPolicy policy = SuppressionPolicy.THRESHOLD_10;
        assertThat(policy.count(0)).isEqualTo(0L);
        assertThat(policy.count(9)).isEqualTo("*");
        assertThat(policy.count(10)).isEqualTo(10L);
        assertThat(policy.count(13)).isEqualTo(13L);
        assertThat(policy.share(10, 40)).isEqualTo(0.25);
        assertThat(policy.showsStatisticOver(9)).isFalse();
    }

    @Test
    void under_five_hides_one_to_four() {
        SuppressionPolicy policy = SuppressionPolicy.UNDER_5;
        assertThat(policy.count(4)).isEqualTo("*");
        assertThat(policy.count(5)).isEqualTo(5L);
        assertThat(policy.count(0)).isEqualTo(0L);
    }

    @Test
    void policies_are_found_by_name() {
        assertThat(SuppressionPolicy.named("nhs-england")).contains(NHS);
        assertThat(SuppressionPolicy.named("threshold-10")).contains(SuppressionPolicy.THRESHOLD_10);
        assertThat(SuppressionPolicy.named("under-5")).contains(SuppressionPolicy.UNDER_5);
        assertThat(SuppressionPolicy.named("none")).isEmpty();
    }

    @Test
    void a_negative_count_is_a_bug() {
        assertThatThrownBy(() -> NHS.count(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.wayfinder.kernel.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wayfinder.kernel.serialization.EventFormat;

class NhsNumberTest {

    @Test
    void the_data_dictionary_example_943_476_5919_is_valid_and_stored_as_digits() {
        assertThat(NhsNumber.parse("943 476 5919").value()).isEqualTo("9434765919");
        assertThat(NhsNumber.isValid("943 476 5919")).isTrue();
    }

    @Test
    void hyphens_and_surrounding_spaces_are_accepted() {
        assertThat(NhsNumber.parse("943-476-5919").value()).isEqualTo("9434765919");
        assertThat(NhsNumber.parse("  9434765919 ").value()).isEqualTo("9434765919");
    }

    @Test
    void a_check_that_computes_to_11_means_check_digit_0() {
        // 9,8,7,6,5,4,3,2,1 weighted 10..2 sums to 330, remainder 0, so 11 - 0 = 11 becomes 0.
        assertThat(NhsNumber.isValid("987 654 3210")).isTrue();
    }

    @Test
    void a_wrong_check_digit_is_invalid() {
        assertThat(NhsNumber.isValid("943 476 5918")).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NhsNumber.parse("943 476 5918"))
                .withMessageContaining("check digit does not match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "1234567891", "1234567899"})
    void a_number_whose_check_computes_to_10_is_invalid_whatever_its_last_digit(String input) {
        // 1..9 weighted 10..2 sums to 210, remainder 1, so the check would be 10.
        assertThat(NhsNumber.isValid(input)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NhsNumber.parse(input))
                .withMessageContaining("cannot have a valid check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"943476591", "94347659190", "943 476 591", "", "   "})
    void wrong_lengths_are_invalid(String input) {
        assertThat(NhsNumber.isValid(input)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> NhsNumber.parse(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"943476591A", "943.476.5919", "943/476/5919", "９４３４７６５９１９"})
    void letters_and_other_characters_are_invalid(String input) {
        assertThat(NhsNumber.isValid(input)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NhsNumber.parse(input))
                .withMessageContaining("only digits");
    }

    @Test
    void null_is_invalid() {
        assertThat(NhsNumber.isValid(null)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> NhsNumber.parse(null));
    }

    @Test
    void the_constructor_accepts_only_valid_digits() {
        assertThat(new NhsNumber("9434765919").value()).isEqualTo("9434765919");
        assertThatIllegalArgumentException().isThrownBy(() -> new NhsNumber("943 476 5919"));
        assertThatIllegalArgumentException().isThrownBy(() -> new NhsNumber("9434765918"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"943 476 5918", "1234567890", "943476591", "943476591A", "94347659190"})
    void messages_never_echo_the_number(String input) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NhsNumber.parse(input))
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("943")
                        .doesNotContain("476")
                        .doesNotContain("5918")
                        .doesNotContain("1234567890"));
    }

    @Test
    void to_string_does_not_print_the_number() {
        assertThat(NhsNumber.parse("943 476 5919")).hasToString("NhsNumber[redacted]");
    }

    @Test
    void json_reading_rejects_an_invalid_number() throws Exception {
        ObjectMapper mapper = EventFormat.objectMapper();
        NhsNumber read = mapper.readValue("{\"value\":\"9434765919\"}", NhsNumber.class);
        assertThat(read).isEqualTo(NhsNumber.parse("943 476 5919"));
        assertThatThrownBy(() -> mapper.readValue("{\"value\":\"9434765918\"}", NhsNumber.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}

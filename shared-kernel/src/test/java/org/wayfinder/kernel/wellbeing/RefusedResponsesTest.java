package org.wayfinder.kernel.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RefusedResponsesTest {

    @ParameterizedTest(name = "{0} with {1} items")
    @CsvSource({
        "SWEMWBS, 6, '7 item responses, each 1 to 5'", "SWEMWBS, 8, '7 item responses, each 1 to 5'",
        "WEMWBS, 13, '14 item responses, each 1 to 5'", "WEMWBS, 7, '14 item responses, each 1 to 5'",
        "ONS4, 3, '4 item responses, each 0 to 10'", "ONS4, 5, '4 item responses, each 0 to 10'",
        "UCLA3, 2, '3 item responses, each 1 to 3'", "UCLA3, 4, '3 item responses, each 1 to 3'"
    })
    void the_wrong_number_of_items_is_refused(Instrument instrument, int count, String expected) {
        List<Integer> items = Collections.nCopies(count, instrument.minResponse());

        assertThatThrownBy(() -> WellbeingScoring.score(instrument, items))
                .isInstanceOfSatisfying(InvalidWellbeingResponse.class, e -> {
                    assertThat(e.instrument()).isEqualTo(instrument);
                    assertThat(e.item()).isEmpty();
                })
                .hasMessageStartingWith(instrument.name() + " needs exactly ")
                .hasMessageContaining(expected)
                .hasMessageContaining(count + " were given");
    }

    @Test
    void no_items_at_all_is_refused() {
        assertThatThrownBy(() -> WellbeingScoring.score(Instrument.SWEMWBS, List.of()))
                .isInstanceOf(InvalidWellbeingResponse.class)
                .hasMessageContaining("0 were given");
    }

    @ParameterizedTest
    @EnumSource(Instrument.class)
    void a_missing_list_of_responses_is_refused(Instrument instrument) {
        assertThatThrownBy(() -> WellbeingScoring.score(instrument, null))
                .isInstanceOf(InvalidWellbeingResponse.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(instrument.name() + " responses are missing");
    }

    @Test
    void a_null_item_is_refused_naming_the_item() {
        List<Integer> items = Arrays.asList(3, 3, null, 3, 3, 3, 3);

        assertThatThrownBy(() -> WellbeingScoring.score(Instrument.SWEMWBS, items))
                .isInstanceOfSatisfying(InvalidWellbeingResponse.class, e -> assertThat(e.item()).hasValue(3))
                .hasMessage("SWEMWBS item 3 is missing; expected a response from 1 to 5.");
    }

    @ParameterizedTest(name = "{0} item {1} = {2}")
    @CsvSource({
        "SWEMWBS, 1, 0, 1 to 5", "SWEMWBS, 7, 6, 1 to 5",
        "WEMWBS, 1, 0, 1 to 5", "WEMWBS, 14, 6, 1 to 5",
        "ONS4, 1, -1, 0 to 10", "ONS4, 4, 11, 0 to 10",
        "UCLA3, 1, 0, 1 to 3", "UCLA3, 3, 4, 1 to 3"
    })
    void an_item_out_of_range_is_refused_naming_the_item_and_the_range(
            Instrument instrument, int item, int response, String range) {
        Integer[] items = Collections.nCopies(instrument.itemCount(), instrument.minResponse()).toArray(Integer[]::new);
        items[item - 1] = response;

        assertThatThrownBy(() -> WellbeingScoring.score(instrument, List.of(items)))
                .isInstanceOfSatisfying(InvalidWellbeingResponse.class, e -> {
                    assertThat(e.instrument()).isEqualTo(instrument);
                    assertThat(e.item()).hasValue(item);
                })
                .hasMessage(instrument.name() + " item " + item + " is out of range; expected a response from "
                        + range + ".");
    }

    @Test
    void the_first_bad_item_is_the_one_reported() {
        List<Integer> items = Arrays.asList(2, 9, null);

        assertThatThrownBy(() -> WellbeingScoring.ucla3(items))
                .isInstanceOfSatisfying(InvalidWellbeingResponse.class, e -> assertThat(e.item()).hasValue(2));
    }

    @Test
    void a_missing_instrument_is_refused() {
        assertThatThrownBy(() -> WellbeingScoring.score(null, List.of(1, 1, 1)))
                .isInstanceOf(NullPointerException.class);
    }
}

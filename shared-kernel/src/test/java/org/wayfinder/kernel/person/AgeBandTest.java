package org.wayfinder.kernel.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeBandTest {

    private static final LocalDate ON = LocalDate.of(2026, 11, 25);

    @Test
    void the_band_changes_on_the_birthday_not_the_day_before() {
        assertThat(AgeBand.at(LocalDate.of(2008, 11, 26), ON)).isEqualTo(AgeBand.AGE_0_17);
        assertThat(AgeBand.at(LocalDate.of(2008, 11, 25), ON)).isEqualTo(AgeBand.AGE_18_24);
    }

    @Test
    void each_band_starts_at_its_first_age() {
        assertThat(AgeBand.at(ON, ON)).isEqualTo(AgeBand.AGE_0_17);
        assertThat(AgeBand.at(ON.minusYears(24), ON)).isEqualTo(AgeBand.AGE_18_24);
        assertThat(AgeBand.at(ON.minusYears(25), ON)).isEqualTo(AgeBand.AGE_25_34);
        assertThat(AgeBand.at(ON.minusYears(35), ON)).isEqualTo(AgeBand.AGE_35_44);
        assertThat(AgeBand.at(ON.minusYears(45), ON)).isEqualTo(AgeBand.AGE_45_54);
        assertThat(AgeBand.at(ON.minusYears(55), ON)).isEqualTo(AgeBand.AGE_55_64);
        assertThat(AgeBand.at(ON.minusYears(65), ON)).isEqualTo(AgeBand.AGE_65_74);
        assertThat(AgeBand.at(ON.minusYears(75), ON)).isEqualTo(AgeBand.AGE_75_84);
        assertThat(AgeBand.at(ON.minusYears(84).minusDays(364), ON)).isEqualTo(AgeBand.AGE_75_84);
        assertThat(AgeBand.at(ON.minusYears(85), ON)).isEqualTo(AgeBand.AGE_85_PLUS);
        assertThat(AgeBand.at(ON.minusYears(104), ON)).isEqualTo(AgeBand.AGE_85_PLUS);
    }

    @Test
    void someone_born_on_29_february_turns_18_on_1_march_in_a_common_year() {
        LocalDate born = LocalDate.of(2008, 2, 29);
        assertThat(AgeBand.at(born, LocalDate.of(2026, 2, 28))).isEqualTo(AgeBand.AGE_0_17);
        assertThat(AgeBand.at(born, LocalDate.of(2026, 3, 1))).isEqualTo(AgeBand.AGE_18_24);
    }

    @Test
    void there_is_no_band_before_birth() {
        assertThatThrownBy(() -> AgeBand.at(ON.plusDays(1), ON)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.wayfinder.kernel.person;

import java.time.LocalDate;
import java.time.Period;

/**
 * The age bands analytics keep instead of a date of birth. Stored by name: never rename a constant.
 */
public enum AgeBand {
    AGE_0_17(0),
    AGE_18_24(18),
    AGE_25_34(25),
    AGE_35_44(35),
    AGE_45_54(45),
    AGE_55_64(55),
    AGE_65_74(65),
    AGE_75_84(75),
    AGE_85_PLUS(85);

    private final int fromAge;

    AgeBand(int fromAge) {
        this.fromAge = fromAge;
    }

    /** The band of someone born on {@code dateOfBirth}, on the date {@code on}. */
    public static AgeBand at(LocalDate dateOfBirth, LocalDate on) {
        if (dateOfBirth.isAfter(on)) {
            throw new IllegalArgumentException("The date of birth is after the date the age band is wanted for.");
        }
        int age = Period.between(dateOfBirth, on).getYears();
        AgeBand band = AGE_0_17;
        for (AgeBand candidate : values()) {
            if (age >= candidate.fromAge) {
                band = candidate;
            }
        }
        return band;
    }
}

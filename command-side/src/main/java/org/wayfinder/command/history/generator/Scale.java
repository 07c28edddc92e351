package org.wayfinder.command.history.generator;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Preset sizes of generated history: how many referrals over which dates, unless overridden. */
public enum Scale {
    DEMO("demo", 5_000, LocalDate.of(2019, 1, 1), LocalDate.of(2026, 10, 31)),
    LONDON_YEAR("london-year", 120_000, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
    LONDON_DECADE("london-decade", 1_300_000, LocalDate.of(2019, 1, 1), LocalDate.of(2029, 12, 31));

    private final String option;
    private final int referrals;
    private final LocalDate from;
    private final LocalDate to;

    Scale(String option, int referrals, LocalDate from, LocalDate to) {
        this.option = option;
        this.referrals = referrals;
        this.from = from;
        this.to = to;
    }

    public String option() {
        return option;
    }

    public int referrals() {
        return referrals;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    public static Scale byOption(String option) {
        return Arrays.stream(values()).filter(s -> s.option.equals(option)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown scale '" + option + "'; expected one of "
                        + Arrays.stream(values()).map(Scale::option).collect(Collectors.joining(", ")) + "."));
    }
}

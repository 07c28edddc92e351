package org.wayfinder.kernel.referral;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The needs and concerns a referral or assessment names, as a documented code list. Codes are stored: never change one. */
public enum Need {
    LONELINESS_ISOLATION("loneliness-isolation", "Loneliness and isolation"),
    LOW_MOOD_ANXIETY("low-mood-anxiety", "Low mood and anxiety"),
    PHYSICAL_INACTIVITY("physical-inactivity", "Physical inactivity"),
    DEBT_MONEY("debt-money", "Debt and money"),
    HOUSING("housing", "Housing"),
    EMPLOYMENT("employment", "Employment"),
    CARER_SUPPORT("carer-support", "Carers' support"),
    BEREAVEMENT("bereavement", "Bereavement"),
    LONG_TERM_CONDITION("long-term-condition", "Long-term condition self-management"),
    FOOD("food", "Food"),
    DIGITAL_EXCLUSION("digital-exclusion", "Digital exclusion"),
    OTHER("other", "Other");

    private static final Map<String, Need> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Need::code, Function.identity()));

    private final String code;
    private final String label;

    Need(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Need> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}

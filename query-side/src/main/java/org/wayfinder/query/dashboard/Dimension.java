package org.wayfinder.query.dashboard;

import java.util.Arrays;
import java.util.Optional;

/** What a dashboard can be filtered or broken down by, with its request parameter name. */
enum Dimension {
    TIME("time", null),
    ICB("icb", null),
    BOROUGH("borough", null),
    PCN("pcn", "pcn"),
    SOURCE("source", "source"),
    NEED("need", "need"),
    PROVIDER("provider", null),
    AGE_BAND("ageBand", "age_band"),
    SEX("sex", "sex"),
    ETHNIC_GROUP("ethnicGroup", "ethnic_group"),
    IMD_QUINTILE("imdQuintile", "imd_decile"),
    IMD_DECILE("imdDecile", "imd_decile");

    private final String parameter;
    private final String rollupDimension;

    Dimension(String parameter, String rollupDimension) {
        this.parameter = parameter;
        this.rollupDimension = rollupDimension;
    }

    String parameter() {
        return parameter;
    }

    /** The dimension's name in {@code dash_referral_rollup}, or null for time and geography. */
    String rollupDimension() {
        return rollupDimension;
    }

    boolean geographic() {
        return this == ICB || this == BOROUGH || this == PCN;
    }

    static Optional<Dimension> byParameter(String parameter) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(parameter)).findFirst();
    }
}

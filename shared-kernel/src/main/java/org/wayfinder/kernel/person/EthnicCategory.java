package org.wayfinder.kernel.person;

import java.util.Arrays;
import java.util.Optional;

/**
 * NHS ethnic category (NHS Data Dictionary, 2001 census categories), each with its letter code and the
 * broad group it is reported in. Stored by name: never rename a constant.
 */
public enum EthnicCategory {
    WHITE_BRITISH("A", EthnicGroup.WHITE),
    WHITE_IRISH("B", EthnicGroup.WHITE),
    WHITE_ANY_OTHER("C", EthnicGroup.WHITE),
    MIXED_WHITE_AND_BLACK_CARIBBEAN("D", EthnicGroup.MIXED),
    MIXED_WHITE_AND_BLACK_AFRICAN("E", EthnicGroup.MIXED),
    MIXED_WHITE_AND_ASIAN("F", EthnicGroup.MIXED),
    MIXED_ANY_OTHER("G", EthnicGroup.MIXED),
    ASIAN_INDIAN("H", EthnicGroup.ASIAN),
    ASIAN_PAKISTANI("J", EthnicGroup.ASIAN),
    ASIAN_BANGLADESHI("K", EthnicGroup.ASIAN),
    ASIAN_ANY_OTHER("L", EthnicGroup.ASIAN),
    BLACK_CARIBBEAN("M", EthnicGroup.BLACK),
    BLACK_AFRICAN("N", EthnicGroup.BLACK),
    BLACK_ANY_OTHER("P", EthnicGroup.BLACK),
    OTHER_CHINESE("R", EthnicGroup.OTHER),
    OTHER_ANY_OTHER("S", EthnicGroup.OTHER),
    NOT_STATED("Z", EthnicGroup.NOT_STATED);

    private final String code;
    private final EthnicGroup broadGroup;

    EthnicCategory(String code, EthnicGroup broadGroup) {
        this.code = code;
        this.broadGroup = broadGroup;
    }

    /** The NHS Data Dictionary letter. */
    public String code() {
        return code;
    }

    public EthnicGroup broadGroup() {
        return broadGroup;
    }

    public static Optional<EthnicCategory> byCode(String code) {
        return Arrays.stream(values()).filter(category -> category.code.equals(code)).findFirst();
    }
}

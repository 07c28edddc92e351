package org.wayfinder.kernel.person;

/** The five broad ethnic groups used in reporting, plus not stated. Stored by name: never rename a constant. */
public enum EthnicGroup {
    WHITE,
    MIXED,
    ASIAN,
    BLACK,
    OTHER,
    NOT_STATED
}

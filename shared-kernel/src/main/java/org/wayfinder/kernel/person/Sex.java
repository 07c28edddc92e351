package org.wayfinder.kernel.person;

/** A person's stated sex or gender, loosely after the NHS Data Dictionary. Stored by name: never rename a constant. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    NOT_KNOWN,
    NOT_STATED
}

package org.wayfinder.kernel.wellbeing;

/**
 * The answer to the ONS direct question "How often do you feel lonely?", recorded beside UCLA-3. It is
 * not scored. Stored by name: never rename a constant.
 */
public enum OnsLonelinessFrequency {
    OFTEN_OR_ALWAYS,
    SOME_OF_THE_TIME,
    OCCASIONALLY,
    HARDLY_EVER,
    NEVER
}

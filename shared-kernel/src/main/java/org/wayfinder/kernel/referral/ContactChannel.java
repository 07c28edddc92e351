package org.wayfinder.kernel.referral;

/** How the link worker reached the person. Stored by name: never rename a constant. */
public enum ContactChannel {
    IN_PERSON,
    TELEPHONE,
    VIDEO,
    HOME_VISIT,
    TEXT_MESSAGE,
    EMAIL,
    OTHER
}

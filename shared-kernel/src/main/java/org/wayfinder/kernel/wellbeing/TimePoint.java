package org.wayfinder.kernel.wellbeing;

/** When in a referral a wellbeing measure was taken. Stored by name: never rename a constant. */
public enum TimePoint {
    BASELINE,
    FOLLOW_UP,
    EXIT
}

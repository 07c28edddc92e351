package org.wayfinder.kernel.referral;

/** What happened at one session of an activity. Stored by name: never rename a constant. */
public enum AttendanceStatus {
    ATTENDED,
    DID_NOT_ATTEND,
    CANCELLED_BY_PROVIDER,
    CANCELLED_BY_PERSON
}

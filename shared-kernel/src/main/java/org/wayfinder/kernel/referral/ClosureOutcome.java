package org.wayfinder.kernel.referral;

/** How a referral ended. Stored by name: never rename a constant. */
public enum ClosureOutcome {
    COMPLETED,
    DISENGAGED,
    MOVED_AWAY,
    DECLINED_SUPPORT,
    REFERRED_ELSEWHERE,
    DIED,
    OTHER
}

package org.wayfinder.kernel.referral;

/** How soon the referrer asks the link worker to act. Stored by name: never rename a constant. */
public enum ReferralUrgency {
    ROUTINE,
    URGENT
}

package org.wayfinder.kernel.referral;

/** Who referred the person to the link worker. Stored by name: never rename a constant. */
public enum ReferralSource {
    GP_PRACTICE,
    ACCIDENT_AND_EMERGENCY,
    SELF_REFERRAL,
    VCSE,
    HOUSING,
    SOCIAL_CARE,
    MENTAL_HEALTH_SERVICES,
    POLICE,
    OTHER
}

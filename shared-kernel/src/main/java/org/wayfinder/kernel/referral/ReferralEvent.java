package org.wayfinder.kernel.referral;

/** Facts recorded in a referral's stream. */
public sealed interface ReferralEvent permits ReferralReceived {

    String referralId();
}

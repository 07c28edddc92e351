package org.wayfinder.kernel.referral;

/** Why a referral was declined. Stored by name: never rename a constant. */
public enum DeclineReason {
    NOT_WANTED,
    NOT_APPROPRIATE,
    ALREADY_SUPPORTED,
    UNABLE_TO_CONTACT,
    OTHER
}

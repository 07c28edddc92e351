package org.wayfinder.kernel.referral;

/** Who declined a referral. Stored by name: never rename a constant. */
public enum DeclinedBy {
    PERSON,
    LINK_WORKER
}

package org.wayfinder.kernel.referral;

import java.time.LocalDate;

/** The link worker first made contact with the person. */
public record FirstContactMade(String referralId, LocalDate contactedOn, ContactChannel channel)
        implements ReferralEvent {
}

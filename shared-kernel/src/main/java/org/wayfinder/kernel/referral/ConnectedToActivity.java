package org.wayfinder.kernel.referral;

import java.time.LocalDate;

/** The person was connected to a VCSE activity of the directory. */
public record ConnectedToActivity(String referralId, String activityId, String providerId, LocalDate connectedOn)
        implements ReferralEvent {
}

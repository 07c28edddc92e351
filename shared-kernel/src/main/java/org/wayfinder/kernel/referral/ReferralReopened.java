package org.wayfinder.kernel.referral;

import java.time.LocalDate;

/** A closed or declined referral was explicitly reopened, with the reason. */
public record ReferralReopened(String referralId, LocalDate reopenedOn, String reason) implements ReferralEvent {
}

package org.wayfinder.kernel.referral;

import org.axonframework.serialization.Revision;

/** A recorded wellbeing measure should never have been recorded; it no longer counts. */
@Revision("2")
public record WellbeingMeasureVoided(String referralId, String measureId, String reason,
                                     java.time.LocalDate voidedOn) implements ReferralEvent {
}

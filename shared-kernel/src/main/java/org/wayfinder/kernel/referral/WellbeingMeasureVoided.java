package org.wayfinder.kernel.referral;

/** A recorded wellbeing measure should never have been recorded; it no longer counts. */
public record WellbeingMeasureVoided(String referralId, String measureId, String reason,
                                     java.time.LocalDate voidedOn) implements ReferralEvent {
}

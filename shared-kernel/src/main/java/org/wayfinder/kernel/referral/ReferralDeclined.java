package org.wayfinder.kernel.referral;

import java.time.LocalDate;

/**
 * The referral was declined (SNOMED CT 871711000000103). Nothing but a reopening follows.
 *
 * @param snomedCode always {@link ReferralCodes#SNOMED_SOCIAL_PRESCRIBING_DECLINED}
 */
public record ReferralDeclined(String referralId, DeclinedBy declinedBy, DeclineReason reason, String note,
                               LocalDate declinedOn, String snomedCode) implements ReferralEvent {
}

package org.wayfinder.kernel.referral;

import java.time.LocalDate;

/**
 * The person accepted the referral and a link worker took it on (SNOMED CT 871731000000106).
 *
 * @param snomedCode always {@link ReferralCodes#SNOMED_REFERRAL_TO_SOCIAL_PRESCRIBING}, kept with the fact
 */
public record ReferralAccepted(String referralId, String linkWorkerId, LocalDate acceptedOn, String snomedCode)
        implements ReferralEvent {
}

package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import java.util.List;

/**
 * A referral to a social prescribing link worker was received.
 *
 * @param referralId           the referral's id
 * @param personId             the person stream the referral is about (no identifying data here)
 * @param referredOn           business date the referral was received
 * @param source               who referred
 * @param referrerOrganisation ODS code of the referring organisation, when known
 * @param gpPractice           ODS code of the person's GP practice, when known
 * @param pcn                  ODS code of the primary care network, when known
 * @param boroughGssCode       ONS GSS code of the London borough
 * @param needs                codes of the needs named on the referral, possibly empty
 * @param urgency              how soon the referrer asks for contact, when given
 */
public record ReferralReceived(
        String referralId,
        String personId,
        LocalDate referredOn,
        ReferralSource source,
        String referrerOrganisation,
        String gpPractice,
        String pcn,
        String boroughGssCode,
        List<String> needs,
        ReferralUrgency urgency) implements ReferralEvent {

    public ReferralReceived {
        needs = needs == null ? List.of() : List.copyOf(needs);
    }
}

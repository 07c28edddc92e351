package org.wayfinder.query.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A referral as the referral-summary read model holds it. */
public record ReferralSummary(
        String referralId,
        String personId,
        LocalDate referredOn,
        String source,
        String referrerOrganisation,
        String gpPractice,
        String pcn,
        String boroughGssCode,
        List<String> needs,
        String urgency,
        String status,
        Instant recordedAt) {
}

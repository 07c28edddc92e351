package org.wayfinder.command.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.wayfinder.kernel.referral.ReceiveReferralCommand;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.kernel.referral.ReferralSource;
import org.wayfinder.kernel.referral.ReferralUrgency;

final class ReferralFixtures {

    static final String REFERRAL_ID = "0b8c6a5e-3f1d-4e8a-9c2b-7d4e5f6a7b8c";
    static final String PERSON_ID = "5a1e2d3c-4b5a-4697-8877-665544332211";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneId.of("Europe/London"));

    private ReferralFixtures() {
    }

    static ReceiveReferralCommand receiveReferral() {
        return receiveReferral(TODAY.minusDays(3), "E09000007");
    }

    static ReceiveReferralCommand receiveReferral(LocalDate referredOn, String borough) {
        return new ReceiveReferralCommand(REFERRAL_ID, PERSON_ID, referredOn, ReferralSource.GP_PRACTICE,
                "F83004", "F83004", "U12345", borough, List.of("loneliness-isolation"), ReferralUrgency.ROUTINE);
    }

    static ReferralReceived aReferralReceived() {
        return new ReferralReceived(REFERRAL_ID, PERSON_ID, TODAY.minusDays(3), ReferralSource.GP_PRACTICE,
                "F83004", "F83004", "U12345", "E09000007", List.of("loneliness-isolation"), ReferralUrgency.ROUTINE);
    }
}

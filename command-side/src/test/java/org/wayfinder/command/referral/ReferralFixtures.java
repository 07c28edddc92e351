package org.wayfinder.command.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.wayfinder.kernel.referral.AttendanceRecorded;
import org.wayfinder.kernel.referral.AttendanceStatus;
import org.wayfinder.kernel.referral.ConnectedToActivity;
import org.wayfinder.kernel.referral.FirstContactMade;
import org.wayfinder.kernel.referral.ContactChannel;
import org.wayfinder.kernel.referral.ReceiveReferralCommand;
import org.wayfinder.kernel.referral.ReferralAccepted;
import org.wayfinder.kernel.referral.ReferralCodes;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.kernel.referral.ReferralSource;
import org.wayfinder.kernel.referral.ReferralUrgency;
import org.wayfinder.kernel.referral.WellbeingMeasured;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.TimePoint;

final class ReferralFixtures {

    static final String REFERRAL_ID = "0b8c6a5e-3f1d-4e8a-9c2b-7d4e5f6a7b8c";
    static final String PERSON_ID = "5a1e2d3c-4b5a-4697-8877-665544332211";
    static final String ACTIVITY_ID = "a1a1a1a1-b2b2-4c3c-8d4d-e5e5e5e5e5e5";
    static final String RETIRED_ACTIVITY_ID = "f0f0f0f0-b2b2-4c3c-8d4d-e5e5e5e5e5e5";
    static final String PROVIDER_ID = "c0c0c0c0-1111-4222-8333-444444444444";
    static final String ATTENDANCE_ID = "d1d1d1d1-2222-4333-8444-555555555555";
    static final String MEASURE_ID = "e1e1e1e1-2222-4333-8444-555555555555";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final LocalDate REFERRED_ON = TODAY.minusDays(60);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneId.of("Europe/London"));
    static final List<Integer> SWEMWBS_RAW_19 = List.of(3, 3, 3, 3, 3, 2, 2);
    static final List<Integer> SWEMWBS_RAW_23 = List.of(4, 3, 3, 4, 3, 3, 3);

    /** The directory as the referral sees it: one active activity, one retired. */
    static final ActivityCatalogue CATALOGUE = activityId ->
            ACTIVITY_ID.equals(activityId) ? Optional.of(PROVIDER_ID) : Optional.empty();

    private ReferralFixtures() {
    }

    static AggregateTestFixture<Referral> referralFixture() {
        AggregateTestFixture<Referral> fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(CATALOGUE);
        return fixture;
    }

    static ReceiveReferralCommand receiveReferral() {
        return receiveReferral(TODAY.minusDays(3), "E09000007");
    }

    static ReceiveReferralCommand receiveReferral(LocalDate referredOn, String borough) {
        return new ReceiveReferralCommand(REFERRAL_ID, PERSON_ID, referredOn, ReferralSource.GP_PRACTICE,
                "F83004", "F83004", "U12345", borough, List.of("loneliness-isolation"), ReferralUrgency.ROUTINE);
    }

    static ReferralReceived aReferralReceived() {
        return aReferralReceived(TODAY.minusDays(3));
    }

    static ReferralReceived aReferralReceived(LocalDate referredOn) {
        return new ReferralReceived(REFERRAL_ID, PERSON_ID, referredOn, ReferralSource.GP_PRACTICE,
                "F83004", "F83004", "U12345", "E09000007", List.of("loneliness-isolation"), ReferralUrgency.ROUTINE);
    }

    static ReferralAccepted accepted() {
        return new ReferralAccepted(REFERRAL_ID, "lw-042", REFERRED_ON.plusDays(2),
                ReferralCodes.SNOMED_REFERRAL_TO_SOCIAL_PRESCRIBING);
    }

    static FirstContactMade contacted() {
        return new FirstContactMade(REFERRAL_ID, REFERRED_ON.plusDays(3), ContactChannel.TELEPHONE);
    }

    static ConnectedToActivity connected() {
        return new ConnectedToActivity(REFERRAL_ID, ACTIVITY_ID, PROVIDER_ID, REFERRED_ON.plusDays(10));
    }

    static AttendanceRecorded attended() {
        return new AttendanceRecorded(REFERRAL_ID, ATTENDANCE_ID, ACTIVITY_ID, REFERRED_ON.plusDays(14),
                AttendanceStatus.ATTENDED);
    }

    static WellbeingMeasured swemwbsBaseline() {
        return new WellbeingMeasured(REFERRAL_ID, MEASURE_ID, Instrument.SWEMWBS, Instrument.SWEMWBS.version(),
                TimePoint.BASELINE, REFERRED_ON.plusDays(3), null, SWEMWBS_RAW_19, null);
    }

    /** A referral that has been received, accepted and connected to the active activity. */
    static Object[] anAcceptedAndConnectedReferral() {
        return new Object[]{aReferralReceived(REFERRED_ON), accepted(), contacted(), connected()};
    }
}

package org.wayfinder.command.referral;

import static org.hamcrest.Matchers.containsString;
import static org.wayfinder.command.referral.ReferralFixtures.*;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.referral.*;
import org.wayfinder.kernel.rules.BusinessRuleViolation;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.TimePoint;

class AcceptingAndDecliningTest {

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = referralFixture();
    }

    @Test
    void a_received_referral_is_accepted_with_the_snomed_code() {
        fixture.given(aReferralReceived(REFERRED_ON))
                .when(new AcceptReferralCommand(REFERRAL_ID, null, "lw-042", REFERRED_ON.plusDays(2)))
                .expectEvents(accepted())
                .expectResultMessagePayload(1L);
    }

    @Test
    void acceptance_cannot_be_dated_before_the_referral() {
        fixture.given(aReferralReceived(REFERRED_ON))
                .when(new AcceptReferralCommand(REFERRAL_ID, null, "lw-042", REFERRED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(containsString("before the referral was received"));
    }

    @Test
    void acceptance_cannot_be_dated_in_the_future() {
        fixture.given(aReferralReceived(REFERRED_ON))
                .when(new AcceptReferralCommand(REFERRAL_ID, null, "lw-042", TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void a_referral_cannot_be_accepted_twice() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted())
                .when(new AcceptReferralCommand(REFERRAL_ID, null, "lw-043", TODAY))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void a_referral_is_declined_with_the_snomed_code() {
        fixture.given(aReferralReceived(REFERRED_ON))
                .when(new DeclineReferralCommand(REFERRAL_ID, null, DeclinedBy.PERSON, DeclineReason.NOT_WANTED,
                        null, TODAY))
                .expectEvents(new ReferralDeclined(REFERRAL_ID, DeclinedBy.PERSON, DeclineReason.NOT_WANTED, null,
                        TODAY, ReferralCodes.SNOMED_SOCIAL_PRESCRIBING_DECLINED));
    }

    @Test
    void no_acceptance_after_a_decline() {
        fixture.given(aReferralReceived(REFERRED_ON), new ReferralDeclined(REFERRAL_ID, DeclinedBy.PERSON,
                        DeclineReason.NOT_WANTED, null, TODAY, ReferralCodes.SNOMED_SOCIAL_PRESCRIBING_DECLINED))
                .when(new AcceptReferralCommand(REFERRAL_ID, null, "lw-042", TODAY))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(containsString("declined"));
    }

    @Test
    void a_declined_referral_can_be_reopened_and_then_accepted() {
        fixture.given(aReferralReceived(REFERRED_ON), new ReferralDeclined(REFERRAL_ID, DeclinedBy.PERSON,
                        DeclineReason.NOT_WANTED, null, REFERRED_ON, ReferralCodes.SNOMED_SOCIAL_PRESCRIBING_DECLINED),
                        new ReferralReopened(REFERRAL_ID, REFERRED_ON.plusDays(1), "Person changed their mind"))
                .when(new AcceptReferralCommand(REFERRAL_ID, null, "lw-042", REFERRED_ON.plusDays(2)))
                .expectEvents(accepted());
    }

    @Test
    void first_contact_is_recorded_once() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted(), contacted())
                .when(new RecordFirstContactCommand(REFERRAL_ID, null, TODAY, ContactChannel.IN_PERSON))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(containsString("already"));
    }

    @Test
    void needs_are_assessed_only_on_an_accepted_referral() {
        fixture.given(aReferralReceived(REFERRED_ON))
                .when(new AssessNeedsCommand(REFERRAL_ID, null, TODAY, List.of("housing"), "Home", List.of()))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void needs_assessment_records_needs_what_matters_and_goals() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted())
                .when(new AssessNeedsCommand(REFERRAL_ID, null, TODAY, List.of("housing", "debt-money"),
                        "Staying in my flat", List.of("Meet the housing officer")))
                .expectEvents(new NeedsAssessed(REFERRAL_ID, TODAY, List.of("housing", "debt-money"),
                        "Staying in my flat", List.of("Meet the housing officer")));
    }
}

package org.wayfinder.command.referral;

import static org.wayfinder.command.referral.ReferralFixtures.TODAY;
import static org.wayfinder.command.referral.ReferralFixtures.aReferralReceived;
import static org.wayfinder.command.referral.ReferralFixtures.receiveReferral;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

class ReceivingAReferralTest {

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = ReferralFixtures.referralFixture();
    }

    @Test
    void a_referral_is_received() {
        fixture.givenNoPriorActivity()
                .when(receiveReferral())
                .expectSuccessfulHandlerExecution()
                .expectEvents(aReferralReceived());
    }

    @Test
    void a_referral_can_be_received_today() {
        fixture.givenNoPriorActivity()
                .when(receiveReferral(TODAY, "E09000001"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_referral_cannot_be_received_in_the_future() {
        fixture.givenNoPriorActivity()
                .when(receiveReferral(TODAY.plusDays(1), "E09000007"))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("'referredOn' cannot be in the future (2026-11-26).");
    }

    @Test
    void a_referral_with_an_unknown_need_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new org.wayfinder.kernel.referral.ReceiveReferralCommand(ReferralFixtures.REFERRAL_ID,
                        ReferralFixtures.PERSON_ID, TODAY, org.wayfinder.kernel.referral.ReferralSource.SELF_REFERRAL,
                        null, null, null, "E09000001", java.util.List.of("astrology"), null))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("astrology"));
    }

    @Test
    void a_referral_must_be_in_a_london_borough() {
        fixture.givenNoPriorActivity()
                .when(receiveReferral(TODAY, "E09000034"))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }
}

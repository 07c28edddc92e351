package org.wayfinder.command.person;

import static org.wayfinder.command.person.PersonFixtures.CLOCK;
import static org.wayfinder.command.person.PersonFixtures.PERSON_ID;
import static org.wayfinder.command.person.PersonFixtures.TODAY;
import static org.wayfinder.command.person.PersonFixtures.aConsentRecorded;
import static org.wayfinder.command.person.PersonFixtures.aPersonRegistered;
import static org.wayfinder.command.person.PersonFixtures.recordConsent;
import static org.wayfinder.command.person.PersonFixtures.withdrawConsent;
import static org.wayfinder.command.person.RefusedCommands.brokenRule;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.person.ConsentRecorded;
import org.wayfinder.kernel.person.ConsentScope;
import org.wayfinder.kernel.person.ConsentWithdrawn;
import org.wayfinder.kernel.person.RecordConsentCommand;

class GivingAndWithdrawingConsentTest {

    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void consent_is_recorded_per_scope() {
        fixture.given(aPersonRegistered())
                .when(recordConsent(ConsentScope.SHARE_WITH_GP))
                .expectEvents(new ConsentRecorded(PERSON_ID, ConsentScope.SHARE_WITH_GP, TODAY))
                .expectResultMessagePayload(1L);
    }

    @Test
    void consent_cannot_be_dated_in_the_future() {
        fixture.given(aPersonRegistered())
                .when(new RecordConsentCommand(PERSON_ID, ConsentScope.EVALUATION, TODAY.plusDays(1), null))
                .expectNoEvents()
                .expectException(brokenRule("person-date-in-future"));
    }

    @Test
    void recorded_consent_can_be_withdrawn() {
        fixture.given(aPersonRegistered(), aConsentRecorded(ConsentScope.EVALUATION))
                .when(withdrawConsent(ConsentScope.EVALUATION))
                .expectEvents(new ConsentWithdrawn(PERSON_ID, ConsentScope.EVALUATION, TODAY))
                .expectResultMessagePayload(2L);
    }

    @Test
    void consent_that_was_never_recorded_cannot_be_withdrawn() {
        fixture.given(aPersonRegistered(), aConsentRecorded(ConsentScope.SHARE_WITH_GP))
                .when(withdrawConsent(ConsentScope.EVALUATION))
                .expectNoEvents()
                .expectException(brokenRule("consent-not-recorded"));
    }

    @Test
    void consent_cannot_be_withdrawn_twice() {
        fixture.given(aPersonRegistered(), aConsentRecorded(ConsentScope.EVALUATION),
                        new ConsentWithdrawn(PERSON_ID, ConsentScope.EVALUATION, TODAY))
                .when(withdrawConsent(ConsentScope.EVALUATION))
                .expectNoEvents()
                .expectException(brokenRule("consent-not-recorded"));
    }
}

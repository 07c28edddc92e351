package org.wayfinder.command.person;

import static org.wayfinder.command.person.PersonFixtures.CLOCK;
import static org.wayfinder.command.person.PersonFixtures.PERSON_ID;
import static org.wayfinder.command.person.PersonFixtures.SURVIVOR_ID;
import static org.wayfinder.command.person.PersonFixtures.TODAY;
import static org.wayfinder.command.person.PersonFixtures.aConsentRecorded;
import static org.wayfinder.command.person.PersonFixtures.aPersonErased;
import static org.wayfinder.command.person.PersonFixtures.aPersonMergedInto;
import static org.wayfinder.command.person.PersonFixtures.aPersonRegistered;
import static org.wayfinder.command.person.PersonFixtures.changeIdentity;
import static org.wayfinder.command.person.PersonFixtures.erasePerson;
import static org.wayfinder.command.person.PersonFixtures.recordConsent;
import static org.wayfinder.command.person.PersonFixtures.recordDemographics;
import static org.wayfinder.command.person.PersonFixtures.withdrawConsent;
import static org.wayfinder.command.person.RefusedCommands.brokenRule;

import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wayfinder.kernel.person.ConsentScope;
import org.wayfinder.kernel.person.ErasePersonCommand;

class ErasingAPersonTest {

    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void a_person_is_erased() {
        fixture.given(aPersonRegistered(), aConsentRecorded(ConsentScope.EVALUATION))
                .when(erasePerson())
                .expectEvents(aPersonErased())
                .expectResultMessagePayload(2L);
    }

    @Test
    void an_erasure_cannot_be_dated_in_the_future() {
        fixture.given(aPersonRegistered())
                .when(new ErasePersonCommand(PERSON_ID, TODAY.plusDays(1), "erasure request", null))
                .expectNoEvents()
                .expectException(brokenRule("person-date-in-future"));
    }

    @Test
    void a_duplicate_merged_into_another_person_can_still_be_erased() {
        fixture.given(aPersonRegistered(), aPersonMergedInto(SURVIVOR_ID))
                .when(erasePerson())
                .expectEvents(aPersonErased());
    }

    static Stream<Object> everyCommandOnAnExistingPerson() {
        return Stream.of(changeIdentity(TODAY), recordDemographics(2, "IMD2019", "E09000022"),
                recordConsent(ConsentScope.SHARE_WITH_GP), withdrawConsent(ConsentScope.EVALUATION), erasePerson());
    }

    @ParameterizedTest
    @MethodSource("everyCommandOnAnExistingPerson")
    void nothing_is_recorded_after_erasure(Object command) {
        fixture.given(aPersonRegistered(), aConsentRecorded(ConsentScope.EVALUATION), aPersonErased())
                .when(command)
                .expectNoEvents()
                .expectException(brokenRule("person-erased"));
    }

    static Stream<Object> everyChangeButErasure() {
        return Stream.of(changeIdentity(TODAY), recordDemographics(2, "IMD2019", "E09000022"),
                recordConsent(ConsentScope.SHARE_WITH_GP), withdrawConsent(ConsentScope.EVALUATION));
    }

    @ParameterizedTest
    @MethodSource("everyChangeButErasure")
    void nothing_but_erasure_is_recorded_after_a_merge(Object command) {
        fixture.given(aPersonRegistered(), aConsentRecorded(ConsentScope.EVALUATION), aPersonMergedInto(SURVIVOR_ID))
                .when(command)
                .expectNoEvents()
                .expectException(brokenRule("person-merged"));
    }
}

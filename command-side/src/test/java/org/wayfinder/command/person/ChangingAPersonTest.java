package org.wayfinder.command.person;

import static org.wayfinder.command.person.PersonFixtures.CLOCK;
import static org.wayfinder.command.person.PersonFixtures.NEW_IDENTITY;
import static org.wayfinder.command.person.PersonFixtures.PERSON_ID;
import static org.wayfinder.command.person.PersonFixtures.TODAY;
import static org.wayfinder.command.person.PersonFixtures.aPersonRegistered;
import static org.wayfinder.command.person.PersonFixtures.changeIdentity;
import static org.wayfinder.command.person.PersonFixtures.recordDemographics;
import static org.wayfinder.command.person.RefusedCommands.brokenRule;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.person.AgeBand;
import org.wayfinder.kernel.person.ChangePersonIdentityCommand;
import org.wayfinder.kernel.person.EthnicCategory;
import org.wayfinder.kernel.person.PersonDemographicsRecorded;
import org.wayfinder.kernel.person.PersonIdentityChanged;
import org.wayfinder.kernel.person.Sex;

class ChangingAPersonTest {

    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void an_identity_change_records_the_new_ciphertext_and_returns_the_new_version() {
        fixture.given(aPersonRegistered())
                .when(changeIdentity(TODAY))
                .expectEvents(new PersonIdentityChanged(PERSON_ID, TODAY, NEW_IDENTITY, AgeBand.AGE_75_84))
                .expectResultMessagePayload(1L);
    }

    @Test
    void an_identity_change_cannot_be_dated_in_the_future() {
        fixture.given(aPersonRegistered())
                .when(changeIdentity(TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(brokenRule("person-date-in-future"));
    }

    @Test
    void an_unknown_person_cannot_be_changed() {
        fixture.givenNoPriorActivity()
                .when(changeIdentity(TODAY))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void a_change_naming_an_older_version_is_refused() {
        fixture.given(aPersonRegistered(), new PersonIdentityChanged(PERSON_ID, TODAY, NEW_IDENTITY, AgeBand.AGE_75_84))
                .when(new ChangePersonIdentityCommand(PERSON_ID, TODAY, NEW_IDENTITY, AgeBand.AGE_75_84, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void a_change_naming_the_current_version_is_accepted() {
        fixture.given(aPersonRegistered())
                .when(new ChangePersonIdentityCommand(PERSON_ID, TODAY, NEW_IDENTITY, AgeBand.AGE_75_84, 0L))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1L);
    }

    @Test
    void demographics_are_recorded_again_as_a_whole() {
        fixture.given(aPersonRegistered())
                .when(recordDemographics(4, "IoD2025", "E09000023"))
                .expectEvents(new PersonDemographicsRecorded(PERSON_ID, TODAY, Sex.NOT_STATED, EthnicCategory.NOT_STATED,
                        4, "IoD2025", "E09000023"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void demographics_follow_the_deprivation_and_borough_rules() {
        fixture.given(aPersonRegistered()).when(recordDemographics(11, "IoD2025", "E09000023"))
                .expectNoEvents().expectException(brokenRule("imd-decile-out-of-range"));
        fixture.given(aPersonRegistered()).when(recordDemographics(4, "IoD2019", "E09000023"))
                .expectNoEvents().expectException(brokenRule("imd-edition-unknown"));
        fixture.given(aPersonRegistered()).when(recordDemographics(4, null, "E09000023"))
                .expectNoEvents().expectException(brokenRule("imd-decile-and-edition-together"));
        fixture.given(aPersonRegistered()).when(recordDemographics(null, null, "W06000015"))
                .expectNoEvents().expectException(brokenRule("borough-not-in-london"));
    }
}

package org.wayfinder.command.person;

import static org.wayfinder.command.person.PersonFixtures.CLOCK;
import static org.wayfinder.command.person.PersonFixtures.PERSON_ID;
import static org.wayfinder.command.person.PersonFixtures.aPersonRegistered;
import static org.wayfinder.command.person.PersonFixtures.recordDemographics;

import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.access.AccessDenied;

class PersonOrganisationScopingTest {

    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static GenericDomainEventMessage<?> registeredBy(String organisation) {
        return new GenericDomainEventMessage<>("Person", PERSON_ID, 0, aPersonRegistered(),
                MetaData.with("organisation", organisation));
    }

    @Test
    void a_link_worker_changes_a_person_their_organisation_registered() {
        fixture.given(registeredBy("F84003"))
                .when(recordDemographics(4, "IoD2025", "E09000012"),
                        Map.of("actorRole", "LINK_WORKER", "organisation", "F84003"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_link_worker_of_another_organisation_cannot_change_the_person() {
        fixture.given(registeredBy("F84003"))
                .when(recordDemographics(4, "IoD2025", "E09000012"),
                        Map.of("actorRole", "LINK_WORKER", "organisation", "F83004"))
                .expectNoEvents()
                .expectException(AccessDenied.class);
    }
}

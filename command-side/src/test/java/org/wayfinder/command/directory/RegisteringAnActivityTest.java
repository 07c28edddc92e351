package org.wayfinder.command.directory;

import static org.wayfinder.command.directory.DirectoryFixtures.CLOCK;
import static org.wayfinder.command.directory.DirectoryFixtures.MARSHES;
import static org.wayfinder.command.directory.DirectoryFixtures.PROVIDER_ID;
import static org.wayfinder.command.directory.DirectoryFixtures.TODAY;
import static org.wayfinder.command.directory.DirectoryFixtures.WEEKLY_ON_TUESDAYS;
import static org.wayfinder.command.directory.DirectoryFixtures.aProviderRegistered;
import static org.wayfinder.command.directory.DirectoryFixtures.aProviderRetired;
import static org.wayfinder.command.directory.DirectoryFixtures.anActivityRegistered;
import static org.wayfinder.command.directory.DirectoryFixtures.registerActivity;
import static org.wayfinder.command.directory.DirectoryFixtures.venueIn;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.directory.ProviderEvent;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/** Registration goes through {@link ActivityRegistration}, which reads the provider from its own stream. */
class RegisteringAnActivityTest {

    private final EmbeddedEventStore providerEvents =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private AggregateTestFixture<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerAnnotatedCommandHandler(new ActivityRegistration(
                EventSourcingRepository.builder(Provider.class).eventStore(providerEvents).build(),
                fixture.getRepository()));
    }

    @AfterEach
    void tearDown() {
        providerEvents.shutDown();
    }

    @Test
    void an_activity_is_registered_at_version_zero() {
        givenProvider(aProviderRegistered());
        fixture.givenNoPriorActivity()
                .when(registerActivity())
                .expectSuccessfulHandlerExecution()
                .expectEvents(anActivityRegistered())
                .expectResultMessagePayload(0L);
    }

    @Test
    void an_activity_without_a_schedule_is_registered() {
        givenProvider(aProviderRegistered());
        fixture.givenNoPriorActivity()
                .when(registerActivity(TODAY, null, 1, MARSHES))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_activity_needs_a_known_provider() {
        fixture.givenNoPriorActivity()
                .when(registerActivity())
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("No provider with id " + PROVIDER_ID + " is known.");
    }

    @Test
    void an_activity_cannot_be_registered_for_a_retired_provider() {
        givenProvider(aProviderRegistered(), aProviderRetired());
        fixture.givenNoPriorActivity()
                .when(registerActivity())
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("Provider " + PROVIDER_ID + " is retired; it cannot take on new activities.");
    }

    @Test
    void an_activity_cannot_be_registered_in_the_future() {
        givenProvider(aProviderRegistered());
        fixture.givenNoPriorActivity()
                .when(registerActivity(TODAY.plusDays(1), WEEKLY_ON_TUESDAYS, 12, MARSHES))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("An activity's registration cannot be dated in the future (2026-11-26).");
    }

    @Test
    void an_activity_takes_at_least_one_person_per_session() {
        givenProvider(aProviderRegistered());
        fixture.givenNoPriorActivity()
                .when(registerActivity(TODAY, WEEKLY_ON_TUESDAYS, 0, MARSHES))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("An activity must take at least one person per session (was 0).");
    }

    @Test
    void an_activity_takes_place_in_london() {
        givenProvider(aProviderRegistered());
        fixture.givenNoPriorActivity()
                .when(registerActivity(TODAY, WEEKLY_ON_TUESDAYS, 12, venueIn("W06000015")))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void an_activity_schedule_must_be_a_recurrence_rule() {
        givenProvider(aProviderRegistered());
        fixture.givenNoPriorActivity()
                .when(registerActivity(TODAY, "every Tuesday", 12, MARSHES))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("'every Tuesday' is not an iCalendar recurrence rule such as FREQ=WEEKLY;BYDAY=TU"
                        + " (frequency DAILY, WEEKLY, MONTHLY or YEARLY).");
    }

    private void givenProvider(ProviderEvent... events) {
        for (int sequence = 0; sequence < events.length; sequence++) {
            providerEvents.publish(new GenericDomainEventMessage<>("Provider", PROVIDER_ID, sequence, events[sequence]));
        }
    }
}

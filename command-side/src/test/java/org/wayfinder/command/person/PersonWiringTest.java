package org.wayfinder.command.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wayfinder.command.person.PersonFixtures.CLOCK;
import static org.wayfinder.command.person.PersonFixtures.OTHER_ID;
import static org.wayfinder.command.person.PersonFixtures.PERSON_ID;
import static org.wayfinder.command.person.PersonFixtures.REGISTERED_ON;
import static org.wayfinder.command.person.PersonFixtures.SURVIVOR_ID;
import static org.wayfinder.command.person.PersonFixtures.TODAY;
import static org.wayfinder.command.person.PersonFixtures.aPersonErased;
import static org.wayfinder.command.person.PersonFixtures.aPersonMergedInto;
import static org.wayfinder.command.person.PersonFixtures.erasePerson;
import static org.wayfinder.command.person.PersonFixtures.mergeInto;
import static org.wayfinder.command.person.PersonFixtures.registerPerson;

import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.person.ErasePersonCommand;
import org.wayfinder.kernel.person.MergePersonCommand;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/**
 * The person's Axon wiring as {@link PersonConfiguration} registers it, on a plain Axon configuration
 * with an in-memory event store: merging loads the survivor through {@code Configuration#repository},
 * and erasure destroys the key in the unit of work that stores the event.
 */
class PersonWiringTest {

    private final InMemoryPersonKeys keys = new InMemoryPersonKeys();
    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void startAxon() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(Clock.class, c -> CLOCK);
        // As the app configures it: a failing handler fails the unit of work instead of being logged.
        configurer.eventProcessing().registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        PersonConfiguration.register(configurer, keys);
        axon = configurer.start();
        commands = axon.commandGateway();
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
    }

    @Test
    void a_duplicate_is_merged_into_a_registered_survivor() {
        register(PERSON_ID);
        register(SURVIVOR_ID);

        long version = commands.sendAndWait(mergeInto(SURVIVOR_ID));

        assertThat(version).isEqualTo(1L);
        assertThat(payloadsOf(PERSON_ID)).last().isEqualTo(aPersonMergedInto(SURVIVOR_ID));
        assertThat(payloadsOf(SURVIVOR_ID)).hasSize(1);
    }

    @Test
    void a_person_cannot_be_merged_into_itself() {
        register(PERSON_ID);
        assertRefused(mergeInto(PERSON_ID), "merge-into-itself");
    }

    @Test
    void a_person_cannot_be_merged_into_someone_unknown() {
        register(PERSON_ID);
        assertRefused(mergeInto(SURVIVOR_ID), "merge-survivor-unknown");
    }

    @Test
    void a_person_cannot_be_merged_into_an_erased_person() {
        register(PERSON_ID);
        register(SURVIVOR_ID);
        commands.sendAndWait(new ErasePersonCommand(SURVIVOR_ID, TODAY, "erasure request", null));
        assertRefused(mergeInto(SURVIVOR_ID), "merge-survivor-erased");
    }

    @Test
    void a_person_cannot_be_merged_into_a_person_who_was_merged_away() {
        register(PERSON_ID);
        register(SURVIVOR_ID);
        register(OTHER_ID);
        commands.sendAndWait(new MergePersonCommand(SURVIVOR_ID, OTHER_ID, TODAY, "duplicate", null));
        assertRefused(mergeInto(SURVIVOR_ID), "merge-survivor-merged");
    }

    @Test
    void a_merged_person_cannot_be_merged_again() {
        register(PERSON_ID);
        register(SURVIVOR_ID);
        register(OTHER_ID);
        commands.sendAndWait(mergeInto(SURVIVOR_ID));
        assertRefused(mergeInto(OTHER_ID), "person-merged");
    }

    @Test
    void an_erased_person_cannot_be_merged() {
        register(PERSON_ID);
        register(SURVIVOR_ID);
        commands.sendAndWait(erasePerson());
        assertRefused(mergeInto(SURVIVOR_ID), "person-erased");
    }

    @Test
    void a_merge_cannot_be_dated_in_the_future() {
        register(PERSON_ID);
        register(SURVIVOR_ID);
        assertRefused(new MergePersonCommand(PERSON_ID, SURVIVOR_ID, TODAY.plusDays(1), "duplicate", null),
                "person-date-in-future");
    }

    @Test
    void an_unknown_duplicate_is_not_found() {
        register(SURVIVOR_ID);
        assertThatThrownBy(() -> commands.sendAndWait(mergeInto(SURVIVOR_ID)))
                .isInstanceOf(AggregateNotFoundException.class);
    }

    @Test
    void a_merge_naming_an_older_version_of_the_duplicate_is_refused() {
        register(PERSON_ID);
        register(SURVIVOR_ID);
        commands.sendAndWait(PersonFixtures.recordConsent(org.wayfinder.kernel.person.ConsentScope.EVALUATION));

        assertThatThrownBy(() -> commands.sendAndWait(
                new MergePersonCommand(PERSON_ID, SURVIVOR_ID, TODAY, "duplicate", 0L)))
                .isInstanceOf(ConflictingAggregateVersionException.class);
        assertThat(payloadsOf(PERSON_ID)).hasSize(2);
    }

    @Test
    void erasure_destroys_the_persons_key() {
        register(PERSON_ID);
        keys.createKey(PERSON_ID);

        commands.sendAndWait(erasePerson());

        assertThat(payloadsOf(PERSON_ID)).last().isEqualTo(aPersonErased());
        assertThat(keys.key(PERSON_ID)).isEmpty();
    }

    @Test
    void an_erasure_whose_key_cannot_be_destroyed_is_not_recorded() {
        register(PERSON_ID);
        keys.createKey(PERSON_ID);
        keys.failOnDestroy();

        assertThatThrownBy(() -> commands.sendAndWait(erasePerson())).isInstanceOf(RuntimeException.class);

        assertThat(payloadsOf(PERSON_ID)).hasSize(1);
        assertThat(keys.key(PERSON_ID)).isPresent();
    }

    private void register(String personId) {
        commands.sendAndWait(registerPerson(personId, REGISTERED_ON, 2, "IMD2019", "E09000022"));
    }

    private void assertRefused(Object command, String rule) {
        int before = payloadsOf(PERSON_ID).size();
        assertThatThrownBy(() -> commands.sendAndWait(command))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, v -> assertThat(v.rule()).isEqualTo(rule));
        assertThat(payloadsOf(PERSON_ID)).hasSize(before);
    }

    private List<Object> payloadsOf(String personId) {
        return axon.eventStore().readEvents(personId).asStream().map(EventMessage::getPayload).map(Object.class::cast)
                .toList();
    }
}

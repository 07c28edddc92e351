package org.wayfinder.command.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wayfinder.command.directory.DirectoryFixtures.ACTIVITY_ID;
import static org.wayfinder.command.directory.DirectoryFixtures.PROVIDER_ID;
import static org.wayfinder.command.directory.DirectoryFixtures.anActivityRegistered;
import static org.wayfinder.command.directory.DirectoryFixtures.anActivityRetired;

import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.directory.ActivityEvent;

class AnsweringWhichProviderRunsAnActivityTest {

    private final EmbeddedEventStore events =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final Repository<Activity> activities = EventSourcingRepository.builder(Activity.class).eventStore(events).build();
    private final DirectoryActivityCatalogue catalogue = new DirectoryActivityCatalogue(() -> activities);

    @AfterEach
    void tearDown() {
        events.shutDown();
    }

    @Test
    void an_active_activity_names_its_provider() {
        givenActivity(anActivityRegistered());
        assertThat(catalogue.activeProviderOf(ACTIVITY_ID)).contains(PROVIDER_ID);
    }

    @Test
    void a_retired_activity_names_no_provider() {
        givenActivity(anActivityRegistered(), anActivityRetired());
        assertThat(catalogue.activeProviderOf(ACTIVITY_ID)).isEmpty();
    }

    @Test
    void an_unknown_activity_names_no_provider() {
        assertThat(catalogue.activeProviderOf(UUID.randomUUID().toString())).isEmpty();
        assertThat(catalogue.activeProviderOf(null)).isEmpty();
    }

    @Test
    void the_answer_is_the_same_inside_a_command_handlers_unit_of_work() throws Exception {
        givenActivity(anActivityRegistered());
        Optional<String> answer = DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> catalogue.activeProviderOf(ACTIVITY_ID)).getPayload();
        assertThat(answer).contains(PROVIDER_ID);
    }

    private void givenActivity(ActivityEvent... history) {
        for (int sequence = 0; sequence < history.length; sequence++) {
            events.publish(new GenericDomainEventMessage<>("Activity", ACTIVITY_ID, sequence, history[sequence]));
        }
    }
}

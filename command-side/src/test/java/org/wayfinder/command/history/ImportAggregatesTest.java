package org.wayfinder.command.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.metadata.EventMetadata;
import org.wayfinder.kernel.referral.AcceptReferralCommand;
import org.wayfinder.kernel.referral.ReceiveReferralCommand;
import org.wayfinder.kernel.referral.ReferralAccepted;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.kernel.referral.ReferralSource;
import org.wayfinder.kernel.referral.ReferralUrgency;

/**
 * The import's command handling on a plain Axon configuration with an in-memory event store: a chunk's
 * commands are decided by the aggregates in memory, their events are handed to the caller, who appends them
 * (on whichever thread stores the chunk), and what a stored chunk built is still known to the next one.
 */
class ImportAggregatesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneId.of("Europe/London"));
    private static final String REFERRAL_ID = "8f0c3f4e-2b1d-4c1e-9a57-0d4f1f7b9a01";

    private final java.util.concurrent.atomic.AtomicInteger storeReads = new java.util.concurrent.atomic.AtomicInteger();
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine() {
        @Override
        public org.axonframework.eventsourcing.eventstore.DomainEventStream readEvents(String aggregateIdentifier,
                                                                                        long firstSequenceNumber) {
            storeReads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    };
    private Configuration axon;
    private ImportAggregates aggregates;

    @BeforeEach
    void startAxon() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storage)
                .registerComponent(Clock.class, c -> CLOCK)
                // The application's provider copies more keys; the import's bus uses whatever is configured.
                .configureCorrelationDataProviders(c -> List.of(new SimpleCorrelationDataProvider(EventMetadata.SOURCE)))
                .start();
        aggregates = ImportAggregates.create(axon, 100);
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
    }

    @Test
    void a_chunks_events_are_handed_over_and_stored_together_by_the_caller() {
        UnitOfWork<?> chunk = DefaultUnitOfWork.startAndGet(null);
        send(receipt());
        send(acceptance());
        chunk.commit();
        aggregates.chunkStored();

        assertThat(stored()).isEmpty();
        List<org.axonframework.eventhandling.EventMessage<?>> events = aggregates.takePublished();
        assertThat(events).hasSize(2);
        assertThat(aggregates.takePublished()).isEmpty();
        append(events);

        assertThat(stored()).extracting(event -> event.getPayloadType().getName())
                .containsExactly(ReferralReceived.class.getName(), ReferralAccepted.class.getName());
        assertThat(stored()).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThat(stored()).allSatisfy(event ->
                assertThat(event.getMetaData()).containsEntry(EventMetadata.SOURCE, "import:test"));
    }

    @Test
    void a_later_chunk_continues_the_stream_a_stored_chunk_created() {
        inChunk(() -> send(receipt()));
        inChunk(() -> send(acceptance()));

        assertThat(stored()).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThatThrownBy(() -> inChunk(() -> send(receipt())))
                .satisfies(refused -> assertThat(refused).isInstanceOfAny(AggregateStreamCreationException.class,
                        org.axonframework.commandhandling.CommandExecutionException.class));
    }

    @Test
    void an_abandoned_chunk_leaves_nothing_behind() {
        UnitOfWork<?> chunk = DefaultUnitOfWork.startAndGet(null);
        send(receipt());
        chunk.rollback();
        aggregates.chunkAbandoned();

        assertThat(aggregates.takePublished()).isEmpty();
        assertThat(stored()).isEmpty();
        inChunk(() -> send(receipt()));
        assertThat(stored()).hasSize(1);
    }

    @Test
    void a_referral_not_in_memory_is_replayed_from_the_streams_read_for_its_chunk() {
        inChunk(() -> send(receipt()));
        List<java.util.Collection<String>> asked = new java.util.ArrayList<>();
        aggregates = ImportAggregates.create(axon, 100, ids -> {
            asked.add(List.copyOf(ids));
            return ids.contains(REFERRAL_ID) ? java.util.Map.of(REFERRAL_ID, stored()) : java.util.Map.of();
        });
        int readsBefore = storeReads.get();

        aggregates.prefetch(List.of(REFERRAL_ID, "no-such-stream"));
        inChunk(() -> send(acceptance()));

        assertThat(asked).containsExactly(List.of(REFERRAL_ID, "no-such-stream"));
        assertThat(storeReads.get()).isEqualTo(readsBefore + 1); // the reader's own read, for the test
        assertThat(stored()).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        // Now held in memory: asking again reads nothing.
        aggregates.prefetch(List.of(REFERRAL_ID));
        assertThat(asked).hasSize(1);
    }

    @Test
    void streams_read_for_a_chunk_are_not_used_by_a_later_one() {
        inChunk(() -> send(receipt()));
        aggregates = ImportAggregates.create(axon, 0, ids -> java.util.Map.of(REFERRAL_ID, stored()));
        aggregates.prefetch(List.of(REFERRAL_ID));
        inChunk(() -> { });
        int readsBefore = storeReads.get();

        inChunk(() -> send(acceptance()));

        assertThat(storeReads.get()).isEqualTo(readsBefore + 1);
        assertThat(stored()).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
    }

    private void inChunk(Runnable work) {
        UnitOfWork<?> chunk = DefaultUnitOfWork.startAndGet(null);
        try {
            work.run();
            chunk.commit();
            aggregates.chunkStored();
            append(aggregates.takePublished());
        } catch (RuntimeException e) {
            if (chunk.isActive()) {
                chunk.rollback();
            }
            aggregates.chunkAbandoned();
            throw e;
        }
    }

    private void append(List<org.axonframework.eventhandling.EventMessage<?>> events) {
        UnitOfWork<?> store = DefaultUnitOfWork.startAndGet(null);
        aggregates.eventStore().publish(events);
        store.commit();
    }

    private void send(Object command) {
        aggregates.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(java.util.Map.of(EventMetadata.SOURCE, "import:test", EventMetadata.ACTOR_ROLE, "ADMIN",
                        EventMetadata.ACTOR_ID, "importer", EventMetadata.ORGANISATION, "ORG")));
    }

    private List<? extends DomainEventMessage<?>> stored() {
        return storage.readEvents(REFERRAL_ID).asStream().toList();
    }

    private static ReceiveReferralCommand receipt() {
        return new ReceiveReferralCommand(REFERRAL_ID, "person-1", LocalDate.of(2024, 3, 1), ReferralSource.GP_PRACTICE,
                "F83004", "F83004", "U12345", "E09000028", List.of("loneliness-isolation"), ReferralUrgency.ROUTINE);
    }

    private static AcceptReferralCommand acceptance() {
        return new AcceptReferralCommand(REFERRAL_ID, null, "link-worker-1", LocalDate.of(2024, 3, 2));
    }
}

package org.wayfinder.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.wayfinder.app.support.MachineCpu;
import org.wayfinder.projection.rebuild.EventStream;

/**
 * The floor under the history import's rate (run by {@code bin/benchmark-append}, not by {@code verify}): what
 * storing its events alone costs on this machine, through Axon's batched publish path, without reading files,
 * running commands or claiming keys. The demo history is imported once; its events are then stored again, copy
 * after copy, with fresh stream and event ids, in chunks of {@code benchmark.chunk-events} events, each chunk in one
 * transaction as the import's writer stores one (commit durability relaxed, other appends held until it commits).
 * Two ways, one chunk each in turn so that both meet a store of the same size: (1) the application's event store
 * (hash chain, subscribers, metrics), as the import uses it; (2) a {@link JdbcEventStorageEngine} with Axon's own
 * append statement and nothing else.
 */
@SpringBootTest(properties = "wayfinder.demo-data.enabled=true")
class AppendBenchmark {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Serializer serializer;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    ConnectionProvider connectionProvider;
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    EventSchema eventSchema;
    @Autowired
    PersistenceExceptionResolver persistenceExceptionResolver;

    @DynamicPropertySource
    static void demoSize(DynamicPropertyRegistry registry) {
        registry.add("wayfinder.demo-data.referrals", () -> System.getProperty("benchmark.referrals", "5000"));
    }

    @Test
    void append_two_ways() {
        int copies = Integer.getInteger("benchmark.copies", 10);
        int chunk = Integer.getInteger("benchmark.chunk-events", 2500);
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(2)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM history_import WHERE state = 'DONE'", Integer.class) == 1);
        eventProcessing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).forEach(StreamingEventProcessor::shutDown);
        List<DomainEventMessage<?>> originals = domainEvents();
        long before = count();

        EventStorageEngine plain = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(axonTransactions)
                .schema(eventSchema)
                .build();
        Consumer<List<DomainEventMessage<?>>> application = events -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            eventStore.publish(events);
            unitOfWork.commit();
        };
        Consumer<List<DomainEventMessage<?>>> axonOnly = plain::appendEvents;

        // Warm-up: a copy each way, untimed, so that the JIT has compiled both paths.
        store(originals, 1, chunk, application, axonOnly, new Way(), new Way());
        Way applicationWay = new Way();
        Way axonWay = new Way();
        for (int i = 1; i <= copies; i++) {
            store(originals, 2 * i + 1, chunk, application, axonOnly, applicationWay, axonWay);
        }
        assertThat(count() - before).isEqualTo((long) originals.size() * 2 * (copies + 1));
        assertThat(applicationWay.events).isEqualTo(axonWay.events).isEqualTo((long) originals.size() * copies);

        String report = String.join("\n",
                String.format("APPEND-BENCHMARK events: %,d demo events, stored again %d times each way in chunks of %,d "
                        + "(after one untimed copy each way); %,d events in the store at the end",
                        originals.size(), copies, chunk, count()),
                applicationWay.line("(1) the application's event store (hash chain, subscribers, metrics)"),
                axonWay.line("(2) Axon's JdbcEventStorageEngine, its own append statement only   "));
        System.out.println(report);
        System.err.println(report);
    }

    /**
     * Stores the events twice, chunk by chunk and in turn: a chunk as copy {@code copy} through the application's
     * store, then the same chunk as copy {@code copy + 1} through Axon's engine alone.
     */
    private void store(List<DomainEventMessage<?>> originals, int copy, int chunk,
                       Consumer<List<DomainEventMessage<?>>> first, Consumer<List<DomainEventMessage<?>>> second,
                       Way firstWay, Way secondWay) {
        List<DomainEventMessage<?>> one = copiesOf(originals, copy);
        List<DomainEventMessage<?>> other = copiesOf(originals, copy + 1);
        for (int from = 0; from < originals.size(); from += chunk) {
            List<DomainEventMessage<?>> firstChunk = one.subList(from, Math.min(originals.size(), from + chunk));
            List<DomainEventMessage<?>> secondChunk = other.subList(from, Math.min(originals.size(), from + chunk));
            firstWay.time(firstChunk.size(), () -> inTransaction(first, firstChunk));
            secondWay.time(secondChunk.size(), () -> inTransaction(second, secondChunk));
        }
    }

    private void inTransaction(Consumer<List<DomainEventMessage<?>>> append, List<DomainEventMessage<?>> events) {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            jdbc.execute("LOCK TABLE domain_event_entry IN SHARE ROW EXCLUSIVE MODE");
            append.accept(events);
        });
    }

    private List<DomainEventMessage<?>> domainEvents() {
        EventStream stream = new EventStream(jdbc, eventSerializer, axon::upcasterChain);
        long head = stream.head();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (long position = 0; position < head; ) {
            List<EventStream.Row> batch = stream.read(position, head, 5000, null);
            for (TrackedEventMessage<?> message : stream.messages(batch)) {
                if (message instanceof DomainEventMessage<?> event) {
                    event.getPayload();
                    event.getMetaData();
                    events.add(event);
                }
            }
            position = batch.get(batch.size() - 1).globalIndex();
        }
        return events;
    }

    /** The events under stream ids of copy {@code copy} and fresh event ids, in the same order. */
    private static List<DomainEventMessage<?>> copiesOf(List<DomainEventMessage<?>> originals, int copy) {
        List<DomainEventMessage<?>> copies = new ArrayList<>(originals.size());
        for (DomainEventMessage<?> event : originals) {
            copies.add(new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier() + "~" + copy,
                    event.getSequenceNumber(), event.getPayload(), event.getMetaData(), UUID.randomUUID().toString(),
                    event.getTimestamp()));
        }
        return copies;
    }

    private long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** One way's wall time and CPU, summed over its chunks. */
    private static final class Way {
        long events;
        double seconds;
        double jvmCpu;
        double machineCpu;

        void time(int size, Runnable chunk) {
            events += size;
            double jvm = MachineCpu.jvmSeconds();
            double machine = MachineCpu.busySeconds();
            long start = System.nanoTime();
            chunk.run();
            seconds += (System.nanoTime() - start) / 1e9;
            jvmCpu += MachineCpu.jvmSeconds() - jvm;
            machineCpu += MachineCpu.busySeconds() - machine;
        }

        String line(String name) {
            return String.format("APPEND-BENCHMARK %s %,9.0f events/s; CPU per event: JVM %.1f µs, whole machine %.1f µs "
                    + "(so at most %,.0f events/s on %d cores)", name, events / seconds, jvmCpu / events * 1e6,
                    machineCpu / events * 1e6, Runtime.getRuntime().availableProcessors() / (machineCpu / events),
                    Runtime.getRuntime().availableProcessors());
        }
    }
}

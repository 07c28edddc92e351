package org.wayfinder.app.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.projection.catalogue.ProjectionCatalogue;
import org.wayfinder.projection.rebuild.EventStream;
import org.wayfinder.projection.rebuild.ProjectionRebuilds;
import org.wayfinder.projection.rebuild.RebuildStatus;

/**
 * Three ways through the same events, side by side (run by {@code bin/benchmark-replay}, not by {@code verify}):
 * (a) a raw read of the event store, (b) the projections' own tracking processors at Axon's default batch size
 * of 1 after a token reset, and (c) Wayfinder's rebuild of every projection; then (d) the floor: the CPU that (a)'s
 * read took, with the least that writing the views' rows and indexes costs ({@link ReplayFloor}), gives the rate no
 * rebuild that reads and deserialises every event can beat on this machine. The data is the demo history,
 * imported through the ordinary import path, then copied {@code benchmark.copies} times straight into the event
 * store with fresh ids (SQL, not the import: the import runs at a few hundred events per second).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wayfinder.demo-data.enabled=true", "wayfinder.rebuild.batch-size=${benchmark.batch-size:5000}"})
@SuppressWarnings({"rawtypes"})
class ReplayBenchmark {

    /** A copy's ids: version nibble 0 (never an original's 4) and the copy number in front of the last group. */
    private static final String UUID_PARTS = "([0-9a-f]{8}-[0-9a-f]{4}-)[0-9a-f]([0-9a-f]{3}-[0-9a-f]{4}-)[0-9a-f]{4}";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    ProjectionRebuilds rebuilds;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    TestRestTemplate http;
    @Autowired
    DevelopmentTokens tokens;

    /** Axon's default: one event per batch, so one transaction and one flush of statements per event. */
    @DynamicPropertySource
    static void defaultBatchSize(DynamicPropertyRegistry registry) {
        for (ProjectionCatalogue.Projection projection : ProjectionCatalogue.ALL) {
            registry.add("axon.eventhandling.processors." + projection.name() + ".batch-size", () -> "1");
        }
        registry.add("wayfinder.demo-data.referrals", () -> System.getProperty("benchmark.referrals", "5000"));
    }

    @Test
    void replay_three_ways() {
        int copies = Integer.getInteger("benchmark.copies", 4);
        ApiClient evaluator = ApiClient.as(http, tokens, "bench", Role.EVALUATOR, "QMF");
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(2)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM history_import WHERE state = 'DONE'", Integer.class) == 1);
        List<StreamingEventProcessor> processors = processors();
        processors.forEach(StreamingEventProcessor::shutDown);
        long imported = head();
        for (int copy = 1; copy <= copies; copy++) {
            String replacement = "\\10\\2" + String.format("%04x", copy);
            jdbc.update("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    SELECT gen_random_uuid()::text, regexp_replace(aggregate_identifier, ?, ?, 'g'), sequence_number,
                        type, time_stamp, payload_type, payload_revision,
                        convert_to(regexp_replace(convert_from(payload, 'UTF8'), ?, ?, 'g'), 'UTF8'), meta_data
                    FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index""",
                    UUID_PARTS, replacement, UUID_PARTS, replacement, imported);
        }
        jdbc.execute("VACUUM ANALYZE domain_event_entry");
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        long head = head();

        // (b) the straightforward way: reset the tracking processors (batch size 1) and replay.
        processors.forEach(StreamingEventProcessor::resetTokens);
        long start = System.nanoTime();
        processors.forEach(StreamingEventProcessor::start);
        awaitCaughtUp(head);
        double straightforward = events / seconds(start);
        Map live = evaluator.get("/api/projections/checksums").getBody();

        // (a) raw read: rows, then rows turned into messages with payload and metadata deserialised.
        EventStream stream = new EventStream(jdbc, eventSerializer, axon::upcasterChain);
        ReplayFloor.Read read = ReplayFloor.read(stream, head);
        double rawRows = read.rowsPerSecond();
        double rawEvents = read.eventsPerSecond();
        long perBatch = retainedBytesOfOneBatch(stream, head);

        // (c) Wayfinder's rebuild of every projection.
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        start = System.nanoTime();
        RebuildStatus started = rebuilds.start(rebuilds.projections(), "benchmark");
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> rebuilds.status(started.id()).orElseThrow().finished());
        double wall = seconds(start);
        RebuildStatus done = rebuilds.status(started.id()).orElseThrow();
        long peakHeap = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        assertThat(done.state()).as(String.valueOf(done.failure())).isEqualTo(RebuildStatus.CAUGHT_UP);
        awaitCaughtUp(head);
        assertThat(evaluator.get("/api/projections/checksums").getBody()).isEqualTo(live);
        double rebuild = done.eventsProcessed() / wall;

        // (d) the floor: what reading the events and writing the views' rows cost at the least on this machine.
        int cores = Runtime.getRuntime().availableProcessors();
        ReplayFloor.Write write = ReplayFloor.write(jdbc, cores);

        String report = String.join("\n",
                "REPLAY-BENCHMARK events: " + events + " (" + imported + " imported demo events + " + copies
                        + " copies), projections: " + String.join(", ", rebuilds.projections()),
                String.format("REPLAY-BENCHMARK (a) raw read of the event store      %,10.0f rows/s   %,10.0f events/s (deserialised)", rawRows, rawEvents),
                String.format("REPLAY-BENCHMARK (b) tracking processors, batch size 1 %,10.0f events/s", straightforward),
                String.format("REPLAY-BENCHMARK (c) Wayfinder rebuild, all projections %,9.0f events/s (%.1f s, reading rate %,.0f events/s)", rebuild, wall, done.rate()),
                String.format("REPLAY-BENCHMARK (c)/(a) = %.2f (of deserialised events/s)   (c)/(b) = %.1f", rebuild / rawEvents, rebuild / straightforward),
                String.format("REPLAY-BENCHMARK heap: peak used during (c) %,d MB (max heap %,d MB); one batch of %d events retains %,d KB",
                        peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20,
                        Integer.getInteger("benchmark.batch-size", 5000), perBatch >> 10),
                floorLine("REPLAY-BENCHMARK (d) ", events, read, write, cores),
                "REPLAY-BENCHMARK checksums after (b) and after (c) are equal: true");
        System.out.println(report);
        System.err.println(report);
    }

    /** What (d) found: the CPU of the read and of the write floor, and the rate they leave at the most. */
    static String floorLine(String prefix, long events, ReplayFloor.Read read, ReplayFloor.Write write, int cores) {
        Double ceiling = ReplayFloor.ceiling(events, read, write, cores);
        return String.join("\n",
                String.format("%sfloor: reading and deserialising the %,d events took %.1f CPU s of the machine; writing the "
                        + "views' %,d rows (%,d MB) by binary COPY into fresh tables, then their indexes, on %d threads: "
                        + "%.1f s, %.1f CPU s", prefix, read.events(), read.cpuSeconds(), write.rows(), write.bytes() >> 20,
                        cores, write.seconds(), write.cpuSeconds()),
                prefix + "so no rebuild of these views that reads this store can beat " + (ceiling == null
                        ? "a rate this machine cannot tell (no /proc/stat)"
                        : String.format("%,.0f events/s on %d cores", ceiling, cores)));
    }

    /** Heap still reachable while one read batch is held as deserialised messages, measured around a full GC. */
    private long retainedBytesOfOneBatch(EventStream stream, long head) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        List<TrackedEventMessage<?>> messages = stream.messages(
                stream.read(0, head, Integer.getInteger("benchmark.batch-size", 5000), null));
        messages.forEach(message -> {
            message.getPayload();
            message.getMetaData();
        });
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        assertThat(messages).isNotEmpty();
        return Math.max(0, after - before);
    }

    private long head() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private List<StreamingEventProcessor> processors() {
        return eventProcessing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
    }

    private void awaitCaughtUp(long head) {
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(100)).until(() -> processors().stream()
                .allMatch(processor -> processor.isRunning() && !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream().allMatch(status ->
                        status.isCaughtUp() && status.getCurrentPosition().orElse(-1) >= head)));
    }
}

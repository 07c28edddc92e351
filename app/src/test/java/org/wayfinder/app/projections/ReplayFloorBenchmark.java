package org.wayfinder.app.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfinder.projection.rebuild.EventStream;

/**
 * The floor of {@link ReplayBenchmark} on a store of your own (run by {@code bin/benchmark-replay --store DIR}, not by
 * {@code verify}): the embedded PostgreSQL data directory of a stopped service, such as one that imported
 * london-year. It lets the projections' processors catch up if they are behind, and stops them. It reads and deserialises every event, then writes the views' rows as they stand into
 * a schema of its own and drops it again ({@link ReplayFloor}); the store and its views are left as they were.
 */
@SpringBootTest(properties = "wayfinder.demo-data.enabled=false")
class ReplayFloorBenchmark {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    org.axonframework.config.Configuration axon;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("wayfinder.database.embedded-data-directory", () -> System.getProperty("benchmark.store", ""));
    }

    @Test
    void floor_of_this_store() {
        EventStream stream = new EventStream(jdbc, eventSerializer, axon::upcasterChain);
        long head = stream.head();
        assertThat(head).as("events in the store").isPositive();
        // The write floor copies the views as they stand: let the processors finish first, then stop them.
        List<StreamingEventProcessor> processors = eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(1)).until(() -> processors.stream()
                .allMatch(processor -> processor.isRunning() && !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream().allMatch(status ->
                        status.isCaughtUp() && status.getCurrentPosition().orElse(-1) >= head)));
        processors.forEach(StreamingEventProcessor::shutDown);
        int cores = Runtime.getRuntime().availableProcessors();
        ReplayFloor.Read read = ReplayFloor.read(stream, head);
        ReplayFloor.Write write = ReplayFloor.write(jdbc, cores);
        String report = String.join("\n",
                String.format("REPLAY-BENCHMARK store: %,d events; raw read %,.0f rows/s, %,.0f events/s deserialised",
                        read.events(), read.rowsPerSecond(), read.eventsPerSecond()),
                ReplayBenchmark.floorLine("REPLAY-BENCHMARK ", read.events(), read, write, cores));
        System.out.println(report);
        System.err.println(report);
    }
}

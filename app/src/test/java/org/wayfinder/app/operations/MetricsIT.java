package org.wayfinder.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.projection.catalogue.ProjectionCatalogue;

/** Operations can scrape command rates and latencies, each event processor's lag and each group's dead letters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class MetricsIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DevelopmentTokens tokens;

    @Test
    void prometheus_metrics_cover_commands_and_every_event_processor() {
        ApiClient.as(http, tokens, "lw-1", Role.LINK_WORKER, "F84003").post("/api/referrals", Map.of(
                "personId", UUID.randomUUID().toString(), "referredOn", "2026-01-12", "source", "GP_PRACTICE",
                "boroughGssCode", "E09000012", "needs", List.of("housing")));
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("commandBus_successCounter_total")
                .contains("commandBus_allTimer_seconds")
                .contains("eventProcessor_latency")
                // No capacity gauges: Axon's keep ten minutes of every message's timing (MessageMonitoring).
                .doesNotContainPattern("(eventProcessor|commandBus)_capacity")
                .contains("processorName=\"referral-summary\"")
                .contains("processorName=\"person-directory\"");
        for (ProjectionCatalogue.Projection projection : ProjectionCatalogue.ALL) {
            assertThat(metrics)
                    .containsPattern("wayfinder_projection_lag_events\\{processing_group=\"" + projection.name()
                            + "\"} \\d+\\.\\d+")
                    .containsPattern("wayfinder_dead_letters\\{processing_group=\"" + projection.name()
                            + "\"} \\d+\\.\\d+");
        }
    }

    @Test
    void key_shredding_records_only_the_events_it_handles_and_projections_every_event() {
        ApiClient.as(http, tokens, "lw-1", Role.LINK_WORKER, "F84003").post("/api/referrals", Map.of(
                "personId", UUID.randomUUID().toString(), "referredOn", "2026-01-12", "source", "GP_PRACTICE",
                "boroughGssCode", "E09000012", "needs", List.of("housing")));
        // A projection's processor records each event type it sees; the subscribing key shredding, which saw the
        // same event in the appending thread, records nothing for a type it does not handle.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                series("eventProcessor_successCounter_total", "payloadType=\"ReferralReceived\"",
                        "processorName=\"referral-summary\"")).isNotEmpty());
        assertThat(series("payloadType=\"ReferralReceived\"", "processorName=\"person-key-shredding\"")).isEmpty();
    }

    private List<String> series(String... labels) {
        return http.getForObject("/actuator/prometheus", String.class).lines()
                .filter(line -> !line.startsWith("#"))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .toList();
    }
}

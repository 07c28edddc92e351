package org.wayfinder.app.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;

/** A projection's checksum is deterministic: a full rebuild gives the same checksum as the live-built view. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class ProjectionChecksumIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Test
    void a_rebuild_gives_the_same_checksums_as_the_live_built_views() {
        ApiClient linkWorker = ApiClient.as(http, tokens, "lw-1", Role.LINK_WORKER, "F84003");
        ApiClient evaluator = ApiClient.as(http, tokens, "ev-1", Role.EVALUATOR, "QMF");
        LocalDate start = LocalDate.now().minusDays(120);
        for (int i = 0; i < 5; i++) {
            String personId = UUID.randomUUID().toString();
            linkWorker.post("/api/people", Map.of("personId", personId, "givenName", "Test", "familyName", "Person" + i,
                    "dateOfBirth", "1960-05-0" + (i + 1), "sex", "FEMALE"));
            String referralId = UUID.randomUUID().toString();
            linkWorker.post("/api/referrals", Map.of("referralId", referralId, "personId", personId,
                    "referredOn", start.toString(), "source", "GP_PRACTICE", "boroughGssCode", "E09000012",
                    "needs", List.of("housing")));
            String base = "/api/referrals/" + referralId;
            linkWorker.post(base + "/acceptance", Map.of("linkWorkerId", "lw-1", "acceptedOn", start.plusDays(1).toString()));
            linkWorker.post(base + "/wellbeing-measures", Map.of("instrument", "SWEMWBS", "timePoint", "BASELINE",
                    "measuredOn", start.plusDays(2).toString(), "itemResponses", List.of(3, 3, 3, 3, 3, 2, i % 5 + 1)));
            linkWorker.post(base + "/wellbeing-measures", Map.of("instrument", "SWEMWBS", "timePoint", "FOLLOW_UP",
                    "measuredOn", start.plusDays(70).toString(), "itemResponses", List.of(4, 3, 3, 4, 3, 3, 3)));
        }

        Map live = awaitCaughtUpChecksums(evaluator);
        assertThat(((Map<String, Map<String, Object>>) live.get("projections")).get("referral-summary").get("rows"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("referral_summary");

        List<StreamingEventProcessor> processors = processors();
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM referral_summary", Long.class)).isZero();
        processors.forEach(StreamingEventProcessor::start);

        Map rebuilt = awaitCaughtUpChecksums(evaluator);
        assertThat(rebuilt).isEqualTo(live);
        assertThat(evaluator.get("/api/projections/checksums").getBody()).isEqualTo(rebuilt);
    }

    private List<StreamingEventProcessor> processors() {
        return eventProcessing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
    }

    private Map awaitCaughtUpChecksums(ApiClient client) {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> processors().stream()
                .allMatch(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus().values()
                        .stream().allMatch(status -> caughtUpTo(status, head))));
        return client.get("/api/projections/checksums").getBody();
    }

    /** A replay token stays "replaying" until an event past the reset point arrives, so position is what counts. */
    private static boolean caughtUpTo(EventTrackerStatus status, long head) {
        return status.isCaughtUp() && status.getCurrentPosition().orElse(-1) >= head;
    }
}

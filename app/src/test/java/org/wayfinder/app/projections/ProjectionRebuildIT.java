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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.projection.catalogue.ProjectionCatalogue;

/**
 * A rebuild through the API reads the event store once into tables of its own, takes over from the live views,
 * and gives the same checksums as the live-built views; so do two rebuilds in a row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "wayfinder.rebuild.batch-size=7")
@SuppressWarnings({"rawtypes", "unchecked"})
class ProjectionRebuildIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration eventProcessing;

    ApiClient linkWorker;
    ApiClient evaluator;

    @BeforeEach
    void signIn() {
        linkWorker = ApiClient.as(http, tokens, "lw-1", Role.LINK_WORKER, "F84003");
        evaluator = ApiClient.as(http, tokens, "ev-1", Role.EVALUATOR, "QMF");
    }

    @Test
    void a_rebuild_of_every_projection_gives_the_live_checksums_and_the_processors_carry_on() {
        for (int i = 0; i < 4; i++) {
            aJourney(i);
        }
        Map live = awaitCaughtUpChecksums();
        List<String> indexes = projectionIndexes();

        Map first = rebuildAndWait(List.of("all"));
        assertThat(first.get("state")).isEqualTo("caught-up");
        assertThat(((Number) first.get("eventsProcessed")).longValue()).isEqualTo(head());
        assertThat((List<Map>) first.get("progress")).extracting(p -> p.get("projection"))
                .contains("referral-summary", "person-directory", "wellbeing-outcomes");
        assertThat(evaluator.get("/api/projections/checksums").getBody()).isEqualTo(live);

        // Every index is back, under its own name, including those only readers use and the build made last.
        assertThat(projectionIndexes()).isEqualTo(indexes);

        rebuildAndWait(List.of("all"));
        assertThat(evaluator.get("/api/projections/checksums").getBody()).isEqualTo(live);
        assertThat(projectionIndexes()).isEqualTo(indexes);
        assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%' "
                + "OR nspname LIKE 'retired\\_%'", String.class)).isEmpty();

        String referralId = aJourney(9);
        Map afterwards = awaitCaughtUpChecksums();
        assertThat(afterwards).isNotEqualTo(live);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM referral_summary WHERE referral_id = ?", Long.class,
                referralId)).isOne();
    }

    /** Every index of the projections' live tables, as its definition with its name. */
    private List<String> projectionIndexes() {
        List<String> tables = ProjectionCatalogue.ALL.stream().flatMap(p -> p.tables().stream()).toList();
        List<String> indexes = jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' "
                + "AND tablename = ANY(?) ORDER BY indexname", String.class, (Object) tables.toArray(String[]::new));
        assertThat(indexes).hasSizeGreaterThan(tables.size());
        return indexes;
    }

    @Test
    void a_rebuild_of_one_projection_leaves_the_others_alone() {
        aJourney(5);
        Map live = awaitCaughtUpChecksums();
        Map rebuilt = rebuildAndWait(List.of("wellbeing-outcomes"));
        assertThat(rebuilt.get("projections")).isEqualTo(List.of("wellbeing-outcomes"));
        assertThat(evaluator.get("/api/projections/checksums").getBody()).isEqualTo(live);
        // The index names of the live tables survive the swap, so later migrations can still name them.
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'outcome_referral'",
                String.class)).contains("outcome_referral_pk");
    }

    @Test
    void a_take_over_that_fails_part_way_leaves_the_live_views_as_they_were() {
        aJourney(7);
        Map live = awaitCaughtUpChecksums();
        // PostgreSQL refuses the move of the last projection's last table into public: by then the take-over has
        // moved every other rebuilt table in, so only its one transaction stands between them and the live views.
        jdbc.execute("""
                CREATE FUNCTION refuse_last_move() RETURNS event_trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands()
                               WHERE object_identity = 'public.dash_provider_outcome') THEN
                        RAISE EXCEPTION 'refused by the test: the last table of the take-over';
                    END IF;
                END $$""");
        jdbc.execute("CREATE EVENT TRIGGER refuse_last_move ON ddl_command_end WHEN TAG IN ('ALTER TABLE') "
                + "EXECUTE FUNCTION refuse_last_move()");
        Map failed;
        try {
            ResponseEntity<Map> started = evaluator.post("/api/projections/rebuilds",
                    Map.of("projections", List.of("all")));
            String location = started.getHeaders().getLocation().toString();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    List.of("caught-up", "failed").contains(evaluator.get(location).getBody().get("state")));
            failed = evaluator.get(location).getBody();
        } finally {
            jdbc.execute("DROP EVENT TRIGGER refuse_last_move");
            jdbc.execute("DROP FUNCTION refuse_last_move()");
        }

        assertThat(failed.get("state")).isEqualTo("failed");
        assertThat((String) failed.get("failure")).contains("refused by the test");
        assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%' "
                + "OR nspname LIKE 'retired\\_%'", String.class)).isEmpty();
        assertThat(awaitCaughtUpChecksums()).isEqualTo(live);
        // The processors kept the live views and go on with them.
        String referralId = aJourney(8);
        awaitCaughtUpChecksums();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM referral_summary WHERE referral_id = ?", Long.class,
                referralId)).isOne();
    }

    @Test
    void the_progress_streams_as_server_sent_events_until_the_rebuild_is_caught_up() {
        aJourney(6);
        awaitCaughtUpChecksums();
        ResponseEntity<Map> started = evaluator.post("/api/projections/rebuilds", Map.of("projections", List.of("all")));
        String location = started.getHeaders().getLocation().toString();
        ResponseEntity<String> events = evaluator.exchangeRaw(HttpMethod.GET, location + "/events", null,
                MediaType.TEXT_EVENT_STREAM);
        assertThat(events.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(events.getBody()).contains("event:caught-up").contains("\"eventsTotal\"");
    }

    @Test
    void refusals_are_problems() {
        assertThat(evaluator.post("/api/projections/rebuilds", Map.of("projections", List.of("no-such-view")))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(evaluator.post("/api/projections/rebuilds", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(evaluator.get("/api/projections/rebuilds/" + UUID.randomUUID()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        UUID running = UUID.randomUUID();
        jdbc.update("INSERT INTO projection_rebuild (rebuild_id, projections, state, requested_at, build_schema) "
                + "VALUES (?, '{referral-summary}', 'running', now(), 'rebuild_test')", running);
        try {
            ResponseEntity<Map> conflict = evaluator.post("/api/projections/rebuilds",
                    Map.of("projections", List.of("referral-summary")));
            assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(conflict.getHeaders().getContentType().toString()).contains("problem+json");
            assertThat(conflict.getBody().get("running")).isEqualTo("/api/projections/rebuilds/" + running);
        } finally {
            jdbc.update("DELETE FROM projection_rebuild WHERE rebuild_id = ?", running);
        }
    }

    private Map rebuildAndWait(List<String> projections) {
        ResponseEntity<Map> started = evaluator.post("/api/projections/rebuilds", Map.of("projections", projections));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        assertThat(location).isEqualTo("/api/projections/rebuilds/" + started.getBody().get("id"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                List.of("caught-up", "failed").contains(evaluator.get(location).getBody().get("state")));
        Map status = evaluator.get(location).getBody();
        assertThat(status.get("state")).as("rebuild failed: %s", status.get("failure")).isEqualTo("caught-up");
        awaitCaughtUpChecksums();
        return status;
    }

    private String aJourney(int i) {
        LocalDate start = LocalDate.now().minusDays(120);
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
        return referralId;
    }

    private long head() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private List<StreamingEventProcessor> processors() {
        return eventProcessing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
    }

    private Map awaitCaughtUpChecksums() {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> processors().stream()
                .allMatch(processor -> processor.isRunning() && !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream().allMatch(status -> caughtUpTo(status, head))));
        return evaluator.get("/api/projections/checksums").getBody();
    }

    private static boolean caughtUpTo(EventTrackerStatus status, long head) {
        return status.isCaughtUp() && status.getCurrentPosition().orElse(-1) >= head;
    }
}

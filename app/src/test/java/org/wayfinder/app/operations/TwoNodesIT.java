package org.wayfinder.app.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.wayfinder.WayfinderApplication;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.projection.catalogue.ProjectionCatalogue;

/**
 * Two Wayfinder nodes (two application contexts, each with its own pool, node id and HTTP port) on one
 * PostgreSQL split every multi-segment projection between them through Axon's segment claims in
 * {@code token_entry}; when one node is cut off from the database (its role loses login and its sessions are
 * terminated, which leaves its claims in place exactly as a SIGKILL would), the other claims its segments once
 * the claim timeout has passed, and the views end with the same checksums as a rebuild on one node.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class TwoNodesIT {

    private static final Logger log = LoggerFactory.getLogger(TwoNodesIT.class);
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(3);

    private static EmbeddedPostgres server;
    private static JdbcTemplate admin;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void start() throws IOException {
        server = EmbeddedPostgres.builder().start();
        admin = new JdbcTemplate(new SingleConnectionDataSource("jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                "postgres", "", true));
        admin.execute("CREATE ROLE node_a LOGIN SUPERUSER");
        admin.execute("CREATE ROLE node_b LOGIN SUPERUSER");
        nodeA = node("node-a", "node_a");
        nodeB = node("node-b", "node_b");
    }

    @AfterAll
    static void stop() throws IOException {
        admin.execute("ALTER ROLE node_b LOGIN");
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        server.close();
    }

    private static ConfigurableApplicationContext node(String nodeId, String user) {
        return new SpringApplicationBuilder(WayfinderApplication.class).run(
                "--server.port=0",
                "--wayfinder.database.url=jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                "--wayfinder.database.username=" + user,
                "--wayfinder.database.password=",
                "--wayfinder.database.pool-size=6",
                "--wayfinder.node.id=" + nodeId,
                "--wayfinder.node.balance-interval=300ms",
                "--axon.eventhandling.tokenstore.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s",
                "--WAYFINDER_TOKEN_CLAIM_INTERVAL_MS=200",
                "--WAYFINDER_PROJECTION_SEGMENTS=2");
    }

    @Test
    void two_nodes_share_segments_and_one_takes_over_when_the_other_dies() {
        Workload onA = new Workload(nodeA);
        Workload onB = new Workload(nodeB);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Workload node = i % 2 == 0 ? onA : onB;
            String person = node.register(i);
            people.add(person);
            node.referralWithMeasures(person, i);
        }
        // A merge chain across person streams: 0 into 1, then 1 into 2, recorded on different nodes.
        onA.merge(people.get(0), people.get(1));
        onB.merge(people.get(1), people.get(2));
        onB.referralWithMeasures(people.get(0), 12);

        Map<String, Set<String>> owners = awaitOwners(Set.of("node-a", "node-b"));
        log.info("Segment owners with two nodes: {}", owners);
        awaitCaughtUp(List.of(nodeA, nodeB));
        Map shared = checksums(onA);
        assertThat(checksums(onB)).isEqualTo(shared);
        assertThat(rows(shared, "wellbeing-outcomes", "wellbeing_outcome")).isEqualTo(26);

        // A rebuild requested on node A while node B holds segments: A takes B's claims at the take-over, B's
        // processors let go and claim again from the rebuilt position, and both nodes go on sharing the work.
        ResponseEntity<Map> started = onA.evaluator.post("/api/projections/rebuilds", Map.of("projections", List.of("all")));
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String rebuild = started.getHeaders().getLocation().toString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                List.of("caught-up", "failed").contains(onA.evaluator.get(rebuild).getBody().get("state")));
        Map rebuilt = onA.evaluator.get(rebuild).getBody();
        assertThat(rebuilt.get("state")).as("rebuild failed: %s", rebuilt.get("failure")).isEqualTo("caught-up");
        awaitOwners(Set.of("node-a", "node-b"));
        onB.referralWithMeasures(people.get(5), 20);
        awaitCaughtUp(List.of(nodeA, nodeB));
        Map afterRebuild = checksums(onB);
        assertThat(rows(afterRebuild, "wellbeing-outcomes", "wellbeing_outcome")).isEqualTo(28);
        assertThat(rows(afterRebuild, "referral-summary", "referral_summary")).isEqualTo(14);

        // Node B dies holding its claims: its sessions end and it can no longer log in.
        long killedAt = System.nanoTime();
        admin.execute("ALTER ROLE node_b NOLOGIN");
        admin.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'node_b'");
        awaitOwners(Set.of("node-a"));
        log.info("Node A held every segment {} ms after node B died (claim timeout {} ms)",
                (System.nanoTime() - killedAt) / 1_000_000, CLAIM_TIMEOUT.toMillis());

        for (int i = 13; i < 17; i++) {
            onA.referralWithMeasures(onA.register(i), i);
        }
        onA.merge(people.get(2), people.get(3));
        awaitCaughtUp(List.of(nodeA));
        Map live = checksums(onA);
        assertThat(rows(live, "referral-summary", "referral_summary")).isEqualTo(18);
        assertThat(rows(live, "wellbeing-outcomes", "wellbeing_outcome")).isEqualTo(36);
        assertThat(admin.queryForObject("""
                SELECT count(*) FROM wellbeing_outcome WHERE referral_person_id IN (?, ?, ?) AND person_id <> ?""",
                Long.class, people.get(0), people.get(1), people.get(2), people.get(3)))
                .as("measures of merged people follow the chain to the last survivor").isZero();

        // The same views built again on one node from the whole store.
        List<StreamingEventProcessor> processors = processors(nodeA);
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        processors.forEach(StreamingEventProcessor::start);
        awaitCaughtUp(List.of(nodeA));
        assertThat(checksums(onA)).isEqualTo(live);
    }

    private static Map<String, Set<String>> awaitOwners(Set<String> expected) {
        Map<String, Set<String>>[] seen = new Map[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Map<String, Set<String>> owners = admin.queryForList(
                    "SELECT processor_name, coalesce(owner, '') AS owner FROM token_entry").stream()
                    .collect(Collectors.groupingBy(row -> (String) row.get("processor_name"),
                            Collectors.mapping(row -> (String) row.get("owner"), Collectors.toSet())));
            seen[0] = owners;
            return ProjectionCatalogue.ALL.stream().allMatch(projection -> {
                Set<String> these = owners.getOrDefault(projection.name(), Set.of());
                int segments = admin.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?",
                        Integer.class, projection.name());
                // A one-segment projection has one owner, either node; the others are split between both.
                return segments == 1 ? expected.containsAll(these) && these.size() == 1 : these.equals(expected);
            });
        });
        return seen[0];
    }

    private static void awaitCaughtUp(List<ConfigurableApplicationContext> nodes) {
        long head = admin.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (ProjectionCatalogue.Projection projection : ProjectionCatalogue.ALL) {
                int segments = admin.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?",
                        Integer.class, projection.name());
                Set<Integer> caughtUp = new HashSet<>();
                for (ConfigurableApplicationContext node : nodes) {
                    processors(node).stream().filter(p -> p.getName().equals(projection.name()))
                            .flatMap(p -> p.processingStatus().entrySet().stream())
                            .filter(entry -> caughtUpTo(entry.getValue(), head))
                            .forEach(entry -> caughtUp.add(entry.getKey()));
                }
                if (segments == 0 || caughtUp.size() < segments) {
                    return false;
                }
            }
            return true;
        });
    }

    /** A replay token stays "replaying" until an event past the reset point arrives, so position is what counts. */
    private static boolean caughtUpTo(EventTrackerStatus status, long head) {
        return status.isCaughtUp() && status.getCurrentPosition().orElse(-1) >= head;
    }

    private static List<StreamingEventProcessor> processors(ConfigurableApplicationContext node) {
        return node.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    private static ApiClient client(ConfigurableApplicationContext node, String subject, Role role,
                                    String organisation) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        return ApiClient.as(http, node.getBean(DevelopmentTokens.class), subject, role, organisation);
    }

    private static Map checksums(Workload node) {
        ResponseEntity<Map> response = node.evaluator.get("/api/projections/checksums");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private static long rows(Map checksums, String projection, String table) {
        Map<String, Map<String, Object>> projections = (Map<String, Map<String, Object>>) checksums.get("projections");
        return ((Number) ((Map) projections.get(projection).get("rows")).get(table)).longValue();
    }

    /** Writes through one node's API. */
    private static final class Workload {
        private final ApiClient linkWorker;
        private final ApiClient evaluator;
        private final LocalDate start = LocalDate.now().minusDays(120);

        Workload(ConfigurableApplicationContext node) {
            this.linkWorker = client(node, "lw-1", Role.LINK_WORKER, "F84003");
            this.evaluator = client(node, "ev-1", Role.EVALUATOR, "QMF");
        }

        String register(int i) {
            String personId = UUID.randomUUID().toString();
            ok(linkWorker.post("/api/people", Map.of("personId", personId, "givenName", "Test",
                    "familyName", "Node" + i, "dateOfBirth", "1960-05-0" + (i % 9 + 1), "sex", "FEMALE")));
            return personId;
        }

        void referralWithMeasures(String personId, int i) {
            String referralId = UUID.randomUUID().toString();
            ok(linkWorker.post("/api/referrals", Map.of("referralId", referralId, "personId", personId,
                    "referredOn", start.toString(), "source", "GP_PRACTICE", "boroughGssCode", "E09000019",
                    "needs", List.of("housing"))));
            String base = "/api/referrals/" + referralId;
            ok(linkWorker.post(base + "/acceptance", Map.of("linkWorkerId", "lw-1",
                    "acceptedOn", start.plusDays(1).toString())));
            ok(linkWorker.post(base + "/wellbeing-measures", Map.of("instrument", "SWEMWBS", "timePoint", "BASELINE",
                    "measuredOn", start.plusDays(2).toString(), "itemResponses", List.of(3, 3, 3, 3, 3, 2, i % 5 + 1))));
            ok(linkWorker.post(base + "/wellbeing-measures", Map.of("instrument", "SWEMWBS", "timePoint", "FOLLOW_UP",
                    "measuredOn", start.plusDays(70).toString(), "itemResponses", List.of(4, 3, 3, 4, 3, 3, 3))));
        }

        void merge(String duplicate, String survivor) {
            ok(linkWorker.post("/api/people/" + duplicate + "/merge", Map.of("survivorId", survivor,
                    "reason", "duplicate registration")));
        }

        private static void ok(ResponseEntity<Map> response) {
            assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
        }
    }
}

package org.wayfinder.app.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.WayfinderApplication;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;

/**
 * Each node keeps the referrals it just changed in memory. Two nodes on one PostgreSQL show that a
 * cached referral never decides on stale state: a change made through the other node is seen before the
 * next command (its rules, its version for If-Match), and commands racing on both nodes either succeed
 * or get 409, leaving one unbroken stream and hash chain.
 */
@SuppressWarnings("rawtypes")
class CachedReferralTwoNodesIT {

    private static EmbeddedPostgres server;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static ApiClient onA;
    private static ApiClient onB;
    private static ApiClient auditorOnA;

    private final LocalDate day = LocalDate.now().minusDays(10);

    @BeforeAll
    static void start() throws IOException {
        server = EmbeddedPostgres.builder().start();
        nodeA = node("node-a");
        nodeB = node("node-b");
        onA = client(nodeA, Role.LINK_WORKER);
        onB = client(nodeB, Role.LINK_WORKER);
        auditorOnA = client(nodeA, Role.AUDITOR);
    }

    @AfterAll
    static void stop() throws IOException {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        server.close();
    }

    @Test
    void a_referral_cached_on_one_node_sees_what_the_other_node_recorded() {
        String base = received(onA);
        assertThat(onA.post(base + "/acceptance", accept()).getHeaders().getETag()).isEqualTo("\"1\"");

        // Node B records the first contact: node A's cached referral is now one event behind the store.
        assertThat(onB.post(base + "/first-contact", firstContact()).getHeaders().getETag()).isEqualTo("\"2\"");

        // Node A knows the first contact happened: the rule refuses a second one (a stale copy would have tried
        // to append it and lost to the unique constraint with a 409).
        ResponseEntity<Map> again = onA.post(base + "/first-contact", firstContact());
        assertThat(again.getStatusCode().value()).isEqualTo(422);

        // And it knows the version the other node handed out.
        ResponseEntity<Map> assessed = onA.post(base + "/needs-assessments", assessment(), Map.of("If-Match", "\"2\""));
        assertThat(assessed.getStatusCode().value()).isEqualTo(200);
        assertThat(assessed.getHeaders().getETag()).isEqualTo("\"3\"");

        // Node B, whose copy is at version 2, refuses a change expected at 2 (now 3), and accepts one at 3.
        assertThat(onB.post(base + "/needs-assessments", assessment(), Map.of("If-Match", "\"2\""))
                .getStatusCode().value()).isEqualTo(409);
        assertThat(onB.post(base + "/needs-assessments", assessment(), Map.of("If-Match", "\"3\""))
                .getHeaders().getETag()).isEqualTo("\"4\"");
        // A stale If-Match on node A is refused too, though A last saw version 3.
        assertThat(onA.post(base + "/needs-assessments", assessment(), Map.of("If-Match", "\"3\""))
                .getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void commands_racing_on_both_nodes_succeed_or_get_409_and_leave_one_intact_chain() throws Exception {
        String base = received(onA);
        onA.post(base + "/acceptance", accept());
        String referralId = base.substring(base.lastIndexOf('/') + 1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        int succeeded = 0;
        try {
            for (int round = 0; round < 15; round++) {
                List<CompletableFuture<Integer>> statuses = new ArrayList<>();
                for (ApiClient node : List.of(onA, onB, onA, onB)) {
                    statuses.add(CompletableFuture.supplyAsync(() -> node.post(base + "/needs-assessments",
                            assessment()).getStatusCode().value(), threads));
                }
                for (CompletableFuture<Integer> status : statuses) {
                    assertThat(status.get()).isIn(200, 409);
                    succeeded += status.get() == 200 ? 1 : 0;
                }
            }
        } finally {
            threads.shutdown();
        }
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        List<Long> sequence = jdbc.queryForList("SELECT sequence_number FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, referralId);
        assertThat(sequence).hasSize(2 + succeeded);
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo(i);
        }
        // Both nodes agree on the version after the race.
        String expected = "\"" + (1 + succeeded) + "\"";
        assertThat(onA.post(base + "/needs-assessments", assessment(), Map.of("If-Match", expected))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(onB.post(base + "/needs-assessments", assessment(), Map.of("If-Match", "\"" + (2 + succeeded) + "\""))
                .getStatusCode().value()).isEqualTo(200);
        Map verification = auditorOnA.get("/api/audit/verification?aggregateId=" + referralId).getBody();
        assertThat(verification).containsEntry("verified", 4 + succeeded).containsEntry("brokenLinks", 0);
    }

    private String received(ApiClient node) {
        String referralId = UUID.randomUUID().toString();
        ResponseEntity<Map> created = node.post("/api/referrals", Map.of("referralId", referralId,
                "personId", UUID.randomUUID().toString(), "referredOn", day.toString(), "source", "GP_PRACTICE",
                "boroughGssCode", "E09000012", "needs", List.of("loneliness-isolation")));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return "/api/referrals/" + referralId;
    }

    private Map<String, Object> accept() {
        return Map.of("linkWorkerId", "lw-1", "acceptedOn", day.toString());
    }

    private Map<String, Object> firstContact() {
        return Map.of("contactedOn", day.plusDays(1).toString(), "channel", "TELEPHONE");
    }

    private Map<String, Object> assessment() {
        return Map.of("assessedOn", day.plusDays(2).toString(), "needs", List.of("loneliness-isolation"),
                "whatMatters", "Company");
    }

    private static ConfigurableApplicationContext node(String nodeId) {
        return new SpringApplicationBuilder(WayfinderApplication.class).run(
                "--server.port=0",
                "--wayfinder.database.url=jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                "--wayfinder.database.username=postgres",
                "--wayfinder.database.password=",
                "--wayfinder.database.pool-size=6",
                "--wayfinder.node.id=" + nodeId);
    }

    private static ApiClient client(ConfigurableApplicationContext node, Role role) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        return ApiClient.as(http, node.getBean(DevelopmentTokens.class), "lw-1", role, "F84003");
    }
}

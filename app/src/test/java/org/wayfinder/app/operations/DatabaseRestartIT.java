package org.wayfinder.app.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;

/**
 * PostgreSQL stops and starts again under a steady load of commands and queries: requests during the
 * outage fail fast with 503 problem+json, health turns DOWN and back UP by itself, clients retrying with
 * the same Idempotency-Key end with each command applied once, and nothing acknowledged is lost. The
 * server here is a real PostgreSQL run as a separate process on a fixed port, stopped and restarted
 * on the same data directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings("rawtypes")
class DatabaseRestartIT {

    private static final Path DATA;
    private static final int PORT;
    private static EmbeddedPostgres server;

    static {
        try {
            DATA = Files.createTempDirectory("wayfinder-restart-pg");
            try (ServerSocket socket = new ServerSocket(0)) {
                PORT = socket.getLocalPort();
            }
            server = start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(PORT).start();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("wayfinder.database.url", () -> "jdbc:postgresql://localhost:" + PORT + "/postgres");
        registry.add("wayfinder.database.username", () -> "postgres");
        registry.add("wayfinder.database.password", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    record Attempt(String referralId, String key, int status, long millis) {
    }

    @Test
    void an_outage_is_answered_fast_and_retried_writes_apply_once() throws Exception {
        ApiClient linkWorker = ApiClient.as(http, tokens, "lw-1", Role.LINK_WORKER, "F84003");
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        List<Integer> reads = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(2);
        for (int t = 0; t < 2; t++) {
            load.submit(() -> {
                while (running.get()) {
                    String referralId = UUID.randomUUID().toString();
                    String key = UUID.randomUUID().toString();
                    long started = System.nanoTime();
                    ResponseEntity<Map> response = post(linkWorker, referralId, key);
                    attempts.add(new Attempt(referralId, key, response.getStatusCode().value(),
                            (System.nanoTime() - started) / 1_000_000));
                    reads.add(linkWorker.get("/api/referrals/" + referralId, Map.of("X-Access-Purpose", "DIRECT_CARE"))
                            .getStatusCode().value());
                }
                return null;
            });
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts.stream().filter(a -> a.status() == 201).count() >= 20);

        server.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForEntity("/actuator/health", Map.class)
                .getStatusCode().value() == 503);
        ResponseEntity<Map> during = linkWorker.post("/api/referrals", Map.of("personId", UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts.stream().anyMatch(a -> a.status() == 503));

        server = start();
        await().atMost(Duration.ofSeconds(60)).until(() -> http.getForEntity("/actuator/health", Map.class)
                .getStatusCode().value() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts.stream().skip(attempts.size() - 1)
                .anyMatch(a -> a.status() == 201));
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Attempt> all;
        synchronized (attempts) {
            all = new ArrayList<>(attempts);
        }
        assertThat(all).extracting(Attempt::status).allMatch(status -> status == 201 || status == 503,
                "every write either succeeded or was refused as unavailable");
        assertThat(all).filteredOn(a -> a.status() == 503).isNotEmpty()
                .allMatch(a -> a.millis() < 10_000, "refused fast, never hanging");
        assertThat(during.getStatusCode().value()).isIn(400, 503);
        synchronized (reads) {
            assertThat(reads).as("reads during the outage").allMatch(status -> status == 200 || status == 404
                    || status == 503).contains(503);
        }

        for (Attempt refused : all.stream().filter(a -> a.status() == 503).toList()) {
            ResponseEntity<Map> retry = post(linkWorker, refused.referralId(), refused.key());
            assertThat(retry.getStatusCode().value()).as("retry %s", retry.getBody()).isEqualTo(201);
            ResponseEntity<Map> again = post(linkWorker, refused.referralId(), refused.key());
            assertThat(again.getHeaders().getFirst("Idempotent-Replayed"))
                    .as("second retry %s %s %s", again.getStatusCode(), again.getHeaders(), again.getBody())
                    .isEqualTo("true");
        }
        for (Attempt attempt : all) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Long.class, attempt.referralId())).as("events of %s", attempt.referralId()).isOne();
        }
        String lastAcknowledged = all.stream().filter(a -> a.status() == 201).reduce((a, b) -> b).orElseThrow()
                .referralId();
        await().atMost(Duration.ofSeconds(60)).until(() -> linkWorker.get("/api/referrals/" + lastAcknowledged,
                Map.of("X-Access-Purpose", "DIRECT_CARE")).getStatusCode().value() == 200);
        System.out.printf("Database restart: %d writes, %d refused with 503 (slowest %d ms)%n", all.size(),
                all.stream().filter(a -> a.status() == 503).count(),
                all.stream().filter(a -> a.status() == 503).mapToLong(Attempt::millis).max().orElse(0));
    }

    /** The same referral id always gives the same body, as a client retrying its request would send. */
    private static ResponseEntity<Map> post(ApiClient client, String referralId, String key) {
        return client.post("/api/referrals", Map.of("referralId", referralId,
                "personId", UUID.nameUUIDFromBytes(referralId.getBytes()).toString(), "referredOn", "2026-01-12",
                "source", "GP_PRACTICE",
                "boroughGssCode", "E09000012", "needs", List.of("housing")), Map.of("Idempotency-Key", key));
    }
}

package org.wayfinder.app.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.wayfinder.WayfinderApplication;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.kernel.access.Role;

/**
 * A bounded load test of the command API: starts Wayfinder on an embedded PostgreSQL on this machine,
 * then drives the real journey mix (receive, accept, first contact, assess needs, baseline SWEMWBS) from
 * 8, 32 and 64 concurrent clients over 127.0.0.1 for a fixed time each, and prints commands per second,
 * p50/p95/p99 latency, errors and heap. Run with {@code bin/benchmark-commands [seconds-per-level]}.
 */
public final class CommandLoadBenchmark {

    private CommandLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        System.setProperty("disable-axoniq-console-message", "true");
        ConfigurableApplicationContext app = SpringApplication.run(WayfinderApplication.class,
                "--server.port=0", "--wayfinder.database.embedded-data-directory=", "--logging.level.root=WARN",
                "--wayfinder.database.pool-size=" + System.getProperty("pool", "20"));
        try {
            Environment env = app.getEnvironment();
            int port = Integer.parseInt(env.getProperty("local.server.port"));
            String token = app.getBean(DevelopmentTokens.class).mint("bench", Role.LINK_WORKER, "F84003",
                    Duration.ofHours(2));
            System.out.printf("%-8s %10s %9s %9s %9s %7s %9s%n", "clients", "commands/s", "p50 ms", "p95 ms",
                    "p99 ms", "errors", "heap MB");
            run(port, token, 8, Math.max(5, seconds / 3), false);
            for (int clients : new int[]{8, 32, 64}) {
                run(port, token, clients, seconds, true);
            }
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void run(int port, String token, int clients, int seconds, boolean print) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    String referralId = UUID.randomUUID().toString();
                    String base = "http://127.0.0.1:" + port + "/api/referrals";
                    String day = LocalDate.now().minusDays(30).toString();
                    String[][] journey = {
                            {base, "{\"referralId\":\"" + referralId + "\",\"personId\":\"" + UUID.randomUUID()
                                    + "\",\"referredOn\":\"" + day + "\",\"source\":\"GP_PRACTICE\","
                                    + "\"boroughGssCode\":\"E09000012\",\"needs\":[\"loneliness-isolation\"]}"},
                            {base + "/" + referralId + "/acceptance", "{\"linkWorkerId\":\"lw-1\",\"acceptedOn\":\"" + day + "\"}"},
                            {base + "/" + referralId + "/first-contact", "{\"contactedOn\":\"" + day + "\",\"channel\":\"TELEPHONE\"}"},
                            {base + "/" + referralId + "/needs-assessments", "{\"assessedOn\":\"" + day
                                    + "\",\"needs\":[\"loneliness-isolation\"],\"whatMatters\":\"Company\"}"},
                            {base + "/" + referralId + "/wellbeing-measures", "{\"instrument\":\"SWEMWBS\","
                                    + "\"timePoint\":\"BASELINE\",\"measuredOn\":\"" + day
                                    + "\",\"itemResponses\":[3,3,3,3,3,2,2]}"}};
                    for (String[] step : journey) {
                        long t0 = System.nanoTime();
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(step[0]))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(step[1])).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() >= 300) {
                            errors.incrementAndGet();
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - t0;
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (print) {
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("%-8d %10.0f %9.1f %9.1f %9.1f %7d %9d%n", clients, latencies.length / elapsed,
                    percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), errors.get(),
                    (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}

package org.wayfinder.app.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.WayfinderApplication;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.kernel.access.Role;

/**
 * A bounded load test of the command API: starts Wayfinder on an embedded PostgreSQL on this machine,
 * then drives the real journey mix (receive, accept, first contact, assess needs, baseline SWEMWBS; referrals spread
 * over London's boroughs, the past year and 500 link workers) from 8, 32 and 64 concurrent clients over 127.0.0.1
 * for a fixed time each, and prints commands per second, p50/p95/p99 latency, errors and heap. A last level reads a
 * reference list with the same token from 64 clients: the floor the HTTP stack and sign-in set, with no command and
 * no database. Run with {@code bin/benchmark-commands [seconds-per-level]}.
 * <p>
 * Commits are durable ({@code synchronous_commit=on}, unlike the embedded server's development default),
 * as they must be for an acknowledged command. Besides throughput it prints the CPU each command costs
 * in the service's JVM (the load generator's own threads excluded; of it, the request threads' and the
 * projections' share) and in PostgreSQL: on a machine
 * shared with other work, those costs are steadier than commands per second. System properties:
 * {@code -Dwarmup=<seconds>} (warm-up at 8 clients, a third of a level by default),
 * {@code -Dpool=20} (connection pool size), {@code -DsynchronousCommit=on},
 * {@code -Dstatements=true} (statements per command from {@code pg_stat_statements}, top 12),
 * {@code -Dserver.<setting>=<value>} (any further PostgreSQL setting, such as {@code commit_delay}).
 */
public final class CommandLoadBenchmark {

    private CommandLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        System.setProperty("disable-axoniq-console-message", "true");
        boolean statements = Boolean.getBoolean("statements");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--wayfinder.database.embedded-data-directory=", "--logging.level.root=WARN",
                "--wayfinder.database.pool-size=" + System.getProperty("pool", "20"),
                "--wayfinder.database.embedded-settings[synchronous_commit]="
                        + System.getProperty("synchronousCommit", "on")));
        if (statements) {
            arguments.add("--wayfinder.database.embedded-settings[shared_preload_libraries]=pg_stat_statements");
        }
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("server."))
                .filter(name -> !name.equals("server.port"))
                .forEach(name -> arguments.add("--wayfinder.database.embedded-settings[" + name.substring(7) + "]="
                        + System.getProperty(name)));
        ConfigurableApplicationContext app = SpringApplication.run(WayfinderApplication.class,
                arguments.toArray(String[]::new));
        try {
            Environment env = app.getEnvironment();
            int port = Integer.parseInt(env.getProperty("local.server.port"));
            String token = app.getBean(DevelopmentTokens.class).mint("bench", Role.LINK_WORKER, "F84003",
                    Duration.ofHours(2));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            if (statements) {
                jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            Database database = new Database(jdbc, statements);
            System.out.printf("synchronous_commit=%s commit_delay=%s pool=%s%n",
                    jdbc.queryForObject("SHOW synchronous_commit", String.class),
                    jdbc.queryForObject("SHOW commit_delay", String.class), System.getProperty("pool", "20"));
            System.out.printf("%-8s %10s %9s %9s %9s %7s %9s %12s %11s %11s %11s %8s%n", "clients", "commands/s",
                    "p50 ms", "p95 ms", "p99 ms", "errors", "heap MB", "JVM cpu ms", "requests", "projections",
                    "PG cpu ms", "loadavg");
            run(port, token, 8, Integer.getInteger("warmup", Math.max(5, seconds / 3)), null, JOURNEY);
            for (int clients : new int[]{8, 32, 64}) {
                run(port, token, clients, seconds, database, JOURNEY);
            }
            System.out.println("The floor: the same clients reading a reference list (token checked, no database), "
                    + "requests/s and CPU per request:");
            run(port, token, 64, seconds, database, FLOOR);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /** What one client sends, again and again: a list of requests in order, each new. */
    private interface Workload {
        List<HttpRequest> next(String base, String token, Random random);
    }

    /**
     * The journey of one referral: received, accepted, first contact, needs assessed, baseline SWEMWBS. Referrals are
     * spread as London's are: over the 33 boroughs, over the past year, among 500 link workers (a caseload of 200 to
     * 250 a year each at London's rate); a run that put every referral in one borough, one month and one link
     * worker's caseload measured rollups and caseloads hundreds of times larger than any real one.
     */
    private static final Workload JOURNEY = (base, token, random) -> {
        String referralId = UUID.randomUUID().toString();
        String referrals = base + "/api/referrals";
        String day = LocalDate.now().minusDays(30 + random.nextInt(365)).toString();
        String borough = String.format("E09%06d", 1 + random.nextInt(33));
        String[][] journey = {
                {referrals, "{\"referralId\":\"" + referralId + "\",\"personId\":\"" + UUID.randomUUID()
                        + "\",\"referredOn\":\"" + day + "\",\"source\":\"GP_PRACTICE\","
                        + "\"boroughGssCode\":\"" + borough + "\",\"needs\":[\"loneliness-isolation\"]}"},
                {referrals + "/" + referralId + "/acceptance", "{\"linkWorkerId\":\"lw-" + random.nextInt(500)
                        + "\",\"acceptedOn\":\"" + day + "\"}"},
                {referrals + "/" + referralId + "/first-contact", "{\"contactedOn\":\"" + day
                        + "\",\"channel\":\"TELEPHONE\"}"},
                {referrals + "/" + referralId + "/needs-assessments", "{\"assessedOn\":\"" + day
                        + "\",\"needs\":[\"loneliness-isolation\"],\"whatMatters\":\"Company\"}"},
                {referrals + "/" + referralId + "/wellbeing-measures", "{\"instrument\":\"SWEMWBS\","
                        + "\"timePoint\":\"BASELINE\",\"measuredOn\":\"" + day
                        + "\",\"itemResponses\":[3,3,3,3,3,2,2]}"}};
        List<HttpRequest> requests = new ArrayList<>();
        for (String[] step : journey) {
            requests.add(HttpRequest.newBuilder(URI.create(step[0]))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(step[1])).build());
        }
        return requests;
    };

    /** The cheapest request with a token: what the HTTP stack and sign-in cost on their own. */
    private static final Workload FLOOR = (base, token, random) -> List.of(
            HttpRequest.newBuilder(URI.create(base + "/api/reference/needs"))
                    .header("Authorization", "Bearer " + token).GET().build());

    private static void run(int port, String token, int clients, int seconds, Database database, Workload workload)
            throws Exception {
        ExecutorService httpThreads = Executors.newFixedThreadPool(clients, named("bench-http-"));
        HttpClient http = HttpClient.newBuilder().executor(httpThreads).build();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients, named("bench-client-"));
        if (database != null) {
            database.reset();
        }
        long cpuBefore = processCpuNanos();
        long generatorBefore = loadGeneratorCpuNanos();
        Map<Long, Long> threadsBefore = threadCpuNanos();
        long postgresBefore = database == null ? 0 : database.cpuNanos();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long seed = c;
            results.add(pool.submit(() -> {
                Random random = new Random(seed);
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    for (HttpRequest request : workload.next("http://127.0.0.1:" + port, token, random)) {
                        long t0 = System.nanoTime();
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
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
        long serverCpu = processCpuNanos() - cpuBefore - (loadGeneratorCpuNanos() - generatorBefore);
        long requestCpu = threadCpuSince(threadsBefore, "http-nio-");
        long projectionCpu = threadCpuSince(threadsBefore, "EventProcessor[");
        long postgresCpu = database == null ? 0 : database.cpuNanos() - postgresBefore;
        pool.shutdown();
        httpThreads.shutdown();
        pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        httpThreads.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (database != null) {
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("%-8d %10.0f %9.1f %9.1f %9.1f %7d %9d %12.2f %11.2f %11.2f %11.2f %8s%n", clients,
                    latencies.length / elapsed, percentile(latencies, 50), percentile(latencies, 95),
                    percentile(latencies, 99), errors.get(),
                    (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024),
                    serverCpu / 1e6 / Math.max(1, latencies.length), requestCpu / 1e6 / Math.max(1, latencies.length),
                    projectionCpu / 1e6 / Math.max(1, latencies.length), postgresCpu / 1e6 / Math.max(1, latencies.length),
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            database.printStatements(latencies.length);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> new Thread(runnable, prefix + count.incrementAndGet());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Map<Long, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            cpu.put(thread.getId(), Math.max(0, threads.getThreadCpuTime(thread.getId())));
        }
        return cpu;
    }

    /** CPU used since {@code before} by the live threads whose names start with {@code prefix}. */
    private static long threadCpuSince(Map<Long, Long> before, String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(prefix)) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getId()) - before.getOrDefault(thread.getId(), 0L));
            }
        }
        return total;
    }

    /** CPU used so far by the load generator's live threads (its clients and the HTTP client's threads). */
    private static long loadGeneratorCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (name.startsWith("bench-") || name.startsWith("HttpClient-")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }

    /** The embedded PostgreSQL seen from outside: CPU of its processes and, optionally, its statements. */
    private static final class Database {

        private static final long TICKS_PER_SECOND = 100;
        private final JdbcTemplate jdbc;
        private final boolean statements;
        private final long postmaster;

        Database(JdbcTemplate jdbc, boolean statements) throws IOException {
            this.jdbc = jdbc;
            this.statements = statements;
            long backend = jdbc.queryForObject("SELECT pg_backend_pid()", Long.class);
            this.postmaster = Long.parseLong(stat(backend)[1]);
        }

        void reset() {
            if (statements) {
                jdbc.execute("SELECT pg_stat_statements_reset()");
            }
        }

        /** utime + stime of the server and its live processes, plus what its ended children used. */
        long cpuNanos() throws IOException {
            long ticks = 0;
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    try {
                        String[] fields = stat(Long.parseLong(process.getFileName().toString()));
                        long pid = Long.parseLong(process.getFileName().toString());
                        // fields[1] is ppid (field 4 of /proc/pid/stat); utime, stime, cutime, cstime follow at 11-14.
                        if (pid == postmaster) {
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                                    + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                        } else if (Long.parseLong(fields[1]) == postmaster) {
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended while we looked
                    }
                }
            }
            return ticks * 1_000_000_000L / TICKS_PER_SECOND;
        }

        /** Fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ... */
        private static String[] stat(long pid) throws IOException {
            String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        }

        void printStatements(long commands) {
            if (!statements) {
                return;
            }
            jdbc.query("""
                    SELECT calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
                    FROM pg_stat_statements ORDER BY calls DESC LIMIT 12
                    """, row -> {
                System.out.printf("    %6.2f/cmd %7.3f ms/cmd  %s%n", row.getLong("calls") / (double) commands,
                        row.getDouble("total_exec_time") / commands, row.getString("query"));
            });
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}

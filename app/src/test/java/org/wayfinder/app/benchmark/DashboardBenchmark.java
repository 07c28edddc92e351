package org.wayfinder.app.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.WayfinderApplication;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.projection.dashboard.DashboardProvidersProjection;
import org.wayfinder.projection.dashboard.DashboardReferralsProjection;

/**
 * Latency of the dashboard endpoints at a chosen scale. Starts Wayfinder on a fresh embedded PostgreSQL, writes
 * synthetic referral facts straight into {@code dash_referral} (wellbeing pairs included, and provider and
 * capacity rows beside them), rebuilds the rollups from those facts with the projection's own SQL, then times each
 * endpoint sequentially from one client over 127.0.0.1. The event store stays empty: this measures the read
 * side only. Run with {@code bin/benchmark-dashboards [referrals] [requests per endpoint]}.
 */
public final class DashboardBenchmark {

    private static final List<String> ENDPOINTS = List.of(
            "/api/dashboards",
            "/api/dashboards/volumes",
            "/api/dashboards/volumes?period=financial-year&from=2019-04&to=2030-03&breakdown=borough",
            "/api/dashboards/funnel",
            "/api/dashboards/funnel?borough=E09000007&period=quarter&from=2019-01&to=2029-12",
            "/api/dashboards/waits",
            "/api/dashboards/waits?period=financial-year&from=2019-04&to=2030-03&breakdown=borough",
            "/api/dashboards/equity?breakdown=imdQuintile&icb=QMJ",
            "/api/dashboards/equity?period=financial-year&from=2019-04&to=2030-03&breakdown=ageBand&borough=E09000001",
            "/api/dashboards/needs?icb=QWE&geography=today",
            "/api/dashboards/sources?period=financial-year&from=2019-04&to=2030-03",
            "/api/dashboards/attendance?breakdown=pcn&borough=E09000012",
            "/api/dashboards/providers",
            "/api/dashboards/utilisation?period=financial-year&from=2019-04&to=2030-03",
            "/api/dashboards/caseloads?period=financial-year&from=2019-04&to=2030-03",
            "/api/dashboards/wellbeing",
            "/api/dashboards/wellbeing?period=financial-year&from=2019-04&to=2030-03&breakdown=borough",
            "/api/dashboards/volumes?breakdown=borough&format=csv");

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int referrals = args.length > 0 ? Integer.parseInt(args[0]) : 1_300_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        ConfigurableApplicationContext app = SpringApplication.run(WayfinderApplication.class,
                "--server.port=0", "--wayfinder.database.embedded-data-directory=", "--logging.level.root=WARN");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long started = System.nanoTime();
            fill(jdbc, referrals);
            long filled = System.nanoTime();
            app.getBean(DashboardReferralsProjection.class).rebuildRollupsFromFacts();
            app.getBean(DashboardProvidersProjection.class).rebuildProviderCapacity();
            jdbc.execute("ANALYZE");
            long rolled = System.nanoTime();
            System.out.printf("referrals %,d; facts written in %.1f s; rollups rebuilt in %.1f s%n", referrals,
                    (filled - started) / 1e9, (rolled - filled) / 1e9);
            for (String table : List.of("dash_referral", "dash_referral_rollup", "dash_referral_wait", "dash_caseload",
                    "dash_provider_rollup", "dash_activity_capacity", "dash_provider_capacity", "dash_provider_outcome")) {
                System.out.printf("  %-24s %,12d rows%n", table,
                        jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
            }
            int port = Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
            String token = app.getBean(DevelopmentTokens.class).mint("bench", Role.COMMISSIONER, "LONDON",
                    Duration.ofHours(2));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            System.out.printf("%-100s %8s %8s %8s %8s%n", "endpoint", "p50 ms", "p95 ms", "p99 ms", "max ms");
            for (String endpoint : ENDPOINTS) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + endpoint))
                        .header("Authorization", "Bearer " + token).GET().build();
                for (int i = 0; i < 10; i++) {
                    check(endpoint, http.send(request, HttpResponse.BodyHandlers.ofString()));
                }
                long[] latencies = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long t0 = System.nanoTime();
                    check(endpoint, http.send(request, HttpResponse.BodyHandlers.ofString()));
                    latencies[i] = System.nanoTime() - t0;
                }
                Arrays.sort(latencies);
                System.out.printf("%-100s %8.1f %8.1f %8.1f %8.1f%n", endpoint, percentile(latencies, 50),
                        percentile(latencies, 95), percentile(latencies, 99), latencies[latencies.length - 1] / 1e6);
            }
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void check(String endpoint, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(endpoint + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Synthetic facts over 2019-2029 (london-decade's span), shaped roughly like the generator's journeys. */
    private static void fill(JdbcTemplate jdbc, int referrals) {
        jdbc.execute("""
                SELECT setseed(0.2019);
                INSERT INTO dash_referral (referral_id, person_id, referred_on, month, financial_year, borough_gss_code,
                    pcn, source, needs, age_band, sex, ethnic_group, imd_decile, link_worker_id, accepted_on,
                    declined_on, first_contact_on, assessed_on, connected_on, closed_on, outcome, attended_sessions,
                    missed_sessions, first_attended_on)
                SELECT 'r' || i, 'p' || (i %% %2$d), d, date_trunc('month', d)::date,
                       EXTRACT(YEAR FROM d - INTERVAL '3 months')::integer, b, 'P' || substr(b, 6) || (k %% 6), src,
                       CASE WHEN r7 < 0.5 THEN ARRAY[n1] ELSE ARRAY[n1, n2] END, age, sex, eth, imd,
                       CASE WHEN acc THEN 'lw-' || substr(b, 6) || '-' || (k %% 18) END,
                       CASE WHEN acc THEN d + 3 END, CASE WHEN dec THEN d + 5 END,
                       CASE WHEN con THEN d + cw END, CASE WHEN ass THEN d + cw + 7 END,
                       CASE WHEN cnx THEN d + cw + 10 END, CASE WHEN clo THEN d + 90 END,
                       CASE WHEN clo THEN CASE WHEN att AND r6 < 0.4 THEN 'COMPLETED' ELSE 'DISENGAGED' END END,
                       CASE WHEN att THEN 1 + (k %% 8) ELSE 0 END, CASE WHEN cnx THEN k %% 3 ELSE 0 END,
                       CASE WHEN att THEN d + cw + 10 + (k %% 20) END
                FROM (
                    SELECT i, d, b, k, src, n1, n2, age, sex, eth, imd, r6, r7, cw,
                           r1 < 0.75 AS acc, r1 >= 0.75 AND r1 < 0.9 AS dec, r1 < 0.75 AND r2 < 0.87 AS con,
                           r1 < 0.75 AND r2 < 0.87 AND r3 < 0.85 AS ass,
                           r1 < 0.75 AND r2 < 0.87 AND r3 < 0.85 AND r4 < 0.8 AS cnx,
                           r1 < 0.75 AND r2 < 0.87 AND r3 < 0.85 AND r4 < 0.8 AND r5 < 0.85 AS att,
                           r1 < 0.75 AND r6 < 0.7 AS clo
                    FROM (
                        SELECT i, DATE '2019-01-01' + (random() * 4017)::integer AS d,
                               codes[1 + floor(random() * 33)::integer] AS b, (random() * 1000000)::integer AS k,
                               (ARRAY['GP_PRACTICE','GP_PRACTICE','GP_PRACTICE','GP_PRACTICE','SELF_REFERRAL','VCSE',
                                      'HOUSING','SOCIAL_CARE','MENTAL_HEALTH_SERVICES','ACCIDENT_AND_EMERGENCY',
                                      'POLICE','OTHER'])[1 + floor(random() * 12)::integer] AS src,
                               needs[1 + floor(random() * 11)::integer] AS n1,
                               needs[1 + floor(random() * 11)::integer] AS n2,
                               (ARRAY['AGE_18_24','AGE_25_34','AGE_35_44','AGE_45_54','AGE_55_64','AGE_65_74',
                                      'AGE_75_84','AGE_85_PLUS','AGE_0_17'])[1 + floor(random() * 9)::integer] AS age,
                               (ARRAY['FEMALE','FEMALE','MALE','MALE','OTHER','NOT_STATED'])[1 + floor(random() * 6)::integer] AS sex,
                               (ARRAY['WHITE','WHITE','WHITE','MIXED','ASIAN','ASIAN','BLACK','BLACK','OTHER','NOT_STATED'])
                                   [1 + floor(random() * 10)::integer] AS eth,
                               CASE WHEN random() < 0.05 THEN 'UNKNOWN' ELSE (1 + floor(random() * 10))::text END AS imd,
                               random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
                               random() AS r6, random() AS r7, 2 + floor(random() * 28)::integer AS cw
                        FROM generate_series(1, %1$d) i,
                             (SELECT array_agg(gss_code ORDER BY gss_code) AS codes FROM ref_borough) g,
                             (SELECT ARRAY['loneliness-isolation','low-mood-anxiety','physical-inactivity','debt-money',
                                           'housing','employment','carer-support','bereavement','long-term-condition',
                                           'food','digital-exclusion'] AS needs) n
                    ) raw
                ) x
                """.formatted(referrals, Math.max(1, referrals * 85 / 100)));
        jdbc.execute("""
                INSERT INTO dash_provider (provider_id, name) SELECT 'prov-' || p, 'Provider ' || p FROM generate_series(1, 600) p;
                INSERT INTO dash_activity (activity_id, provider_id, name, capacity_per_session)
                    SELECT 'act-' || a, 'prov-' || (1 + a % 600), 'Activity ' || a, 8 + a % 12 FROM generate_series(1, 3000) a;
                INSERT INTO dash_activity_capacity (month, activity_id, provider_id, sessions, places, attended)
                    SELECT m::date, 'act-' || a, 'prov-' || (1 + a % 600), 4, 4 * (8 + a % 12),
                           (random() * 4 * (8 + a % 12))::integer
                    FROM generate_series(DATE '2019-01-01', DATE '2029-12-01', INTERVAL '1 month') m,
                         generate_series(1, 3000) a;
                INSERT INTO dash_provider_rollup (month, borough_gss_code, provider_id, activity_id, connections, attended, missed)
                    SELECT m::date, g.codes[1 + a % 33], 'prov-' || (1 + a % 600), 'act-' || a,
                           (random() * 10)::integer, (random() * 40)::integer, (random() * 8)::integer
                    FROM generate_series(DATE '2019-01-01', DATE '2029-12-01', INTERVAL '1 month') m,
                         generate_series(1, 3000) a,
                         (SELECT array_agg(gss_code ORDER BY gss_code) AS codes FROM ref_borough) g;
                INSERT INTO dash_provider_outcome (month, borough_gss_code, provider_id, with_baseline, matched, improved)
                    SELECT month, borough_gss_code, provider_id, with_baseline, matched, matched * 2 / 5 FROM (
                        SELECT month, borough_gss_code, provider_id, sum(connections) * 3 / 5 AS with_baseline,
                               sum(connections) * 3 / 10 AS matched
                        FROM dash_provider_rollup GROUP BY month, borough_gss_code, provider_id) o
                    WHERE with_baseline > 0;
                UPDATE dash_referral SET baseline_on = first_contact_on, baseline_score = 1700 + (random() * 600)::integer
                    WHERE first_contact_on IS NOT NULL AND random() < 0.6;
                UPDATE dash_referral SET follow_up_score = baseline_score - 200 + (random() * 600)::integer
                    WHERE baseline_score IS NOT NULL AND random() < 0.5;
                """);
    }
}

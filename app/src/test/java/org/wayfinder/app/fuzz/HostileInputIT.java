package org.wayfinder.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.kernel.access.Role;

/**
 * Sends over 10,000 malformed or hostile requests (seeded, so a failure can be replayed) to every write
 * endpoint: wrong types, huge strings, invalid UTF-8, impossible and far-away dates, unknown enum values,
 * SQL and script fragments, oversized and non-JSON bodies, hostile path ids. No answer may be a 5xx;
 * every refusal must be problem+json naming the problem; refused requests must leave the event store
 * as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputIT {

    private static final int REQUESTS = 10_200;
    private static final long SEED = 20261125L;

    private static final List<String> HOSTILE_STRINGS = List.of(
            "'; DROP TABLE domain_event_entry; --", "\" OR 1=1 --", "<script>alert('x')</script>",
            "${jndi:ldap://127.0.0.1/a}", "../../../etc/passwd", "\u0000", "\uD83D\uDE00\uD83D\uDE00", "",
            " ", "E09000099", "NaN", "-1", "1e309", "null", "true", "{}", "[]", "\\", "%00", "\u202Eevil");
    private static final List<Object> HOSTILE_DATES = List.of("-999999-01-01", "+999999-12-31", "9999-12-31",
            "2026-02-30", "2026-13-01", "1800-01-01", "20260101", "yesterday", "", 20260101, -1, true,
            List.of("2026-01-01"), Map.of("date", "2026-01-01"));
    private static final List<Object> HOSTILE_VALUES = List.of(0, -1, Long.MAX_VALUE, 1.5e308, -0.0, true,
            false, List.of(), List.of(1, "two", List.of()), Map.of(), Map.of("$ne", 1), "CARRIER_PIGEON");

    @LocalServerPort
    int port;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Endpoint(String method, String path, Role role, Map<String, Object> template, boolean creates) {
    }

    @Test
    void ten_thousand_hostile_requests_cause_no_server_error_and_change_nothing() throws Exception {
        List<Endpoint> endpoints = endpoints();
        Random random = new Random(SEED);
        long eventsBefore = events();
        long created = 0;
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        Map<Role, String> bearer = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            bearer.put(role, tokens.mint("fuzz", role, "F84003", Duration.ofMinutes(30)));
        }
        long started = System.nanoTime();

        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            String path = hostilePath(endpoint.path(), random);
            Body body = hostileBody(endpoint, random, i);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + bearer.get(endpoint.role()))
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
            if (body.contentType() != null) {
                request.header("Content-Type", body.contentType());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
                failures.add(i + ": " + endpoint.method() + " " + path + " answered " + status + " to " + body.describe());
            } else if (status >= 400) {
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (!type.startsWith("application/problem+json") || !response.body().contains("\"title\"")
                        || !response.body().contains("\"status\":" + status)) {
                    failures.add(i + ": " + endpoint.method() + " " + path + " refused with " + status
                            + " but not as problem+json: " + type);
                }
            } else if (endpoint.creates()) {
                created++;
            }
        }

        System.out.printf("Hostile input: %d requests in %.1f s, statuses %s%n", statuses.values().stream()
                .mapToInt(Integer::intValue).sum(), (System.nanoTime() - started) / 1e9, statuses);
        assertThat(failures).as("statuses seen: %s", statuses).isEmpty();
        assertThat(statuses.keySet()).allMatch(status -> status < 500);
        assertThat(events()).as("only accepted creations may add events").isEqualTo(eventsBefore + created);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static List<Endpoint> endpoints() {
        String day = "2026-01-12";
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("POST", "/api/referrals", Role.LINK_WORKER, map("referralId", "{uuid}",
                "personId", "{uuid}", "referredOn", day, "source", "GP_PRACTICE", "boroughGssCode", "E09000012",
                "needs", List.of("loneliness-isolation")), true));
        String referral = "/api/referrals/{id}";
        endpoints.add(new Endpoint("POST", referral + "/acceptance", Role.LINK_WORKER,
                map("linkWorkerId", "lw-1", "acceptedOn", day), false));
        endpoints.add(new Endpoint("POST", referral + "/decline", Role.LINK_WORKER,
                map("declinedBy", "PERSON", "reason", "NOT_WANTED", "declinedOn", day), false));
        endpoints.add(new Endpoint("POST", referral + "/first-contact", Role.LINK_WORKER,
                map("contactedOn", day, "channel", "TELEPHONE"), false));
        endpoints.add(new Endpoint("POST", referral + "/needs-assessments", Role.LINK_WORKER,
                map("assessedOn", day, "needs", List.of("housing"), "whatMatters", "x", "goals", List.of("y")), false));
        endpoints.add(new Endpoint("POST", referral + "/connections", Role.LINK_WORKER,
                map("activityId", "{uuid}", "connectedOn", day), false));
        endpoints.add(new Endpoint("POST", referral + "/attendances", Role.PROVIDER,
                map("activityId", "{uuid}", "sessionOn", day, "status", "ATTENDED"), false));
        endpoints.add(new Endpoint("POST", referral + "/attendances/{id}/correction", Role.LINK_WORKER,
                map("status", "ATTENDED", "reason", "r"), false));
        endpoints.add(new Endpoint("POST", referral + "/attendances/{id}/voiding", Role.LINK_WORKER,
                map("reason", "r"), false));
        endpoints.add(new Endpoint("POST", referral + "/wellbeing-measures", Role.LINK_WORKER,
                map("instrument", "SWEMWBS", "timePoint", "BASELINE", "measuredOn", day,
                        "itemResponses", List.of(3, 3, 3, 3, 3, 3, 3)), false));
        endpoints.add(new Endpoint("POST", referral + "/wellbeing-measures/{id}/correction", Role.LINK_WORKER,
                map("itemResponses", List.of(3, 3, 3, 3, 3, 3, 3), "reason", "r"), false));
        endpoints.add(new Endpoint("POST", referral + "/wellbeing-measures/{id}/voiding", Role.LINK_WORKER,
                map("reason", "r"), false));
        endpoints.add(new Endpoint("POST", referral + "/closure", Role.LINK_WORKER,
                map("closedOn", day, "outcome", "COMPLETED", "supportSummary", "s"), false));
        endpoints.add(new Endpoint("POST", referral + "/reopening", Role.LINK_WORKER,
                map("reopenedOn", day, "reason", "r"), false));
        endpoints.add(new Endpoint("POST", "/api/people", Role.LINK_WORKER, map("givenName", "A",
                "familyName", "B", "dateOfBirth", "1980-01-01", "nhsNumber", "9434765919", "postcode", "E8 3QX"), true));
        endpoints.add(new Endpoint("PUT", "/api/people/{id}/identity", Role.LINK_WORKER, map("givenName", "A",
                "familyName", "B", "dateOfBirth", "1980-01-01"), false));
        endpoints.add(new Endpoint("PUT", "/api/people/{id}/demographics", Role.LINK_WORKER,
                map("sex", "FEMALE", "imdDecile", 3, "imdEdition", "IoD2025"), false));
        endpoints.add(new Endpoint("POST", "/api/people/{id}/consents", Role.LINK_WORKER,
                map("scope", "EVALUATION"), false));
        endpoints.add(new Endpoint("POST", "/api/people/{id}/consent-withdrawals", Role.LINK_WORKER,
                map("scope", "EVALUATION"), false));
        endpoints.add(new Endpoint("POST", "/api/people/{id}/merge", Role.LINK_WORKER,
                map("survivorId", "{uuid}", "reason", "r"), false));
        endpoints.add(new Endpoint("POST", "/api/people/{id}/erasure", Role.ADMIN, map("reason", "r"), false));
        endpoints.add(new Endpoint("POST", "/api/providers", Role.ADMIN, map("name", "P", "description", "d",
                "boroughsServed", List.of("E09000012"), "registeredOn", day), true));
        endpoints.add(new Endpoint("PUT", "/api/providers/{id}", Role.ADMIN, map("name", "P", "description", "d",
                "boroughsServed", List.of("E09000012"), "changedOn", day), false));
        endpoints.add(new Endpoint("POST", "/api/providers/{id}/retirement", Role.ADMIN,
                map("retiredOn", day, "reason", "r"), false));
        endpoints.add(new Endpoint("POST", "/api/activities", Role.ADMIN, map("providerId", "{uuid}", "name", "A",
                "description", "d", "capacityPerSession", 5, "registeredOn", day, "location", map("name", "n",
                        "addressLine", "a", "postcode", "E9 5PF", "boroughGssCode", "E09000012")), true));
        endpoints.add(new Endpoint("PUT", "/api/activities/{id}", Role.ADMIN, map("name", "A", "description", "d",
                "capacityPerSession", 5, "changedOn", day), false));
        endpoints.add(new Endpoint("POST", "/api/activities/{id}/retirement", Role.ADMIN,
                map("retiredOn", day, "reason", "r"), false));
        return endpoints;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String hostilePath(String template, Random random) {
        String path = template;
        while (path.contains("{id}")) {
            String id = switch (random.nextInt(8)) {
                case 0 -> "not-a-uuid";
                case 1 -> "%27%3B%20DROP%20TABLE%20x%3B--";
                case 2 -> "x".repeat(300);
                case 3 -> "%00";
                default -> UUID.randomUUID().toString();
            };
            path = path.replaceFirst("\\{id}", id);
        }
        return path;
    }

    record Body(byte[] bytes, String contentType, String describe) {
    }

    private Body hostileBody(Endpoint endpoint, Random random, int i) throws Exception {
        int kind = random.nextInt(100);
        if (kind < 3) {
            return new Body(new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'},
                    "application/json", "invalid UTF-8");
        }
        if (kind < 6) {
            return new Body("{\"referralId\": ".getBytes(StandardCharsets.UTF_8), "application/json", "truncated JSON");
        }
        if (kind < 8) {
            return new Body("<xml/>".getBytes(StandardCharsets.UTF_8), kind < 7 ? "application/xml" : "text/plain",
                    "not JSON");
        }
        if (kind < 9) {
            return new Body(new byte[0], null, "empty without content type");
        }
        if (kind < 10 && i % 50 == 0) {
            return new Body(("{\"name\":\"" + "x".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                    "application/json", "oversized");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        endpoint.template().forEach((key, value) -> body.put(key, "{uuid}".equals(value) ? UUID.randomUUID().toString()
                : value));
        int mutations = 1 + random.nextInt(3);
        List<String> keys = new ArrayList<>(body.keySet());
        for (int m = 0; m < mutations; m++) {
            String key = random.nextInt(10) == 0 ? "unexpected" + m : keys.get(random.nextInt(keys.size()));
            body.put(key, hostileValue(key, random));
        }
        if (random.nextInt(20) == 0) {
            body.remove(keys.get(random.nextInt(keys.size())));
        }
        return new Body(json.writeValueAsBytes(body), "application/json", "mutated " + body.keySet());
    }

    private static Object hostileValue(String key, Random random) {
        if (key.endsWith("On") || key.equals("dateOfBirth")) {
            return HOSTILE_DATES.get(random.nextInt(HOSTILE_DATES.size()));
        }
        return switch (random.nextInt(4)) {
            case 0 -> HOSTILE_STRINGS.get(random.nextInt(HOSTILE_STRINGS.size()));
            case 1 -> HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
            case 2 -> "z".repeat(1 + random.nextInt(20_000));
            default -> null;
        };
    }
}

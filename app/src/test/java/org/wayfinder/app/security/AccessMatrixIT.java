package org.wayfinder.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;

/**
 * Walks the whole role by endpoint matrix of docs/security.md against the running app: every endpoint,
 * every role, and no token. A role outside an endpoint's list must get 403, no token 401; a role inside
 * it must get past sign-in (its dummy request then fails validation or finds nothing). The matrix must
 * name every endpoint the app serves, so a new endpoint cannot be born unprotected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings("rawtypes")
class AccessMatrixIT {

    private static final Set<Role> LINK_WORKER = EnumSet.of(Role.LINK_WORKER);
    private static final Set<Role> ATTENDANCE = EnumSet.of(Role.LINK_WORKER, Role.PROVIDER);
    private static final Set<Role> DIRECTORY = EnumSet.of(Role.PROVIDER, Role.ADMIN);
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    /** (method, path pattern) → the roles allowed; the same matrix as docs/security.md. */
    static final Map<String, Set<Role>> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("POST /api/referrals", LINK_WORKER);
        for (String action : List.of("acceptance", "decline", "first-contact", "needs-assessments", "connections",
                "wellbeing-measures", "wellbeing-measures/{measureId}/correction",
                "wellbeing-measures/{measureId}/voiding", "closure", "reopening")) {
            MATRIX.put("POST /api/referrals/{referralId}/" + action, LINK_WORKER);
        }
        MATRIX.put("POST /api/referrals/{referralId}/attendances", ATTENDANCE);
        MATRIX.put("POST /api/referrals/{referralId}/attendances/{attendanceId}/correction", ATTENDANCE);
        MATRIX.put("POST /api/referrals/{referralId}/attendances/{attendanceId}/voiding", ATTENDANCE);
        MATRIX.put("GET /api/referrals/{referralId}", EnumSet.of(Role.LINK_WORKER, Role.PROVIDER, Role.AUDITOR));
        MATRIX.put("GET /api/referrals/{referralId}/attendances/{attendanceId}",
                EnumSet.of(Role.LINK_WORKER, Role.PROVIDER, Role.AUDITOR));
        MATRIX.put("GET /api/referrals/{referralId}/wellbeing-measures/{measureId}",
                EnumSet.of(Role.LINK_WORKER, Role.PROVIDER, Role.AUDITOR));
        MATRIX.put("POST /api/people", LINK_WORKER);
        MATRIX.put("PUT /api/people/{personId}/identity", LINK_WORKER);
        MATRIX.put("PUT /api/people/{personId}/demographics", LINK_WORKER);
        MATRIX.put("POST /api/people/{personId}/consents", LINK_WORKER);
        MATRIX.put("POST /api/people/{personId}/consent-withdrawals", LINK_WORKER);
        MATRIX.put("POST /api/people/{personId}/merge", LINK_WORKER);
        MATRIX.put("POST /api/people/{personId}/erasure", EnumSet.of(Role.ADMIN));
        MATRIX.put("GET /api/people/{personId}", EnumSet.of(Role.LINK_WORKER, Role.AUDITOR));
        MATRIX.put("POST /api/providers", EnumSet.of(Role.ADMIN));
        MATRIX.put("PUT /api/providers/{providerId}", DIRECTORY);
        MATRIX.put("POST /api/providers/{providerId}/retirement", DIRECTORY);
        MATRIX.put("POST /api/activities", DIRECTORY);
        MATRIX.put("PUT /api/activities/{activityId}", DIRECTORY);
        MATRIX.put("POST /api/activities/{activityId}/retirement", DIRECTORY);
        MATRIX.put("GET /api/reference/geography", EVERYONE);
        MATRIX.put("GET /api/reference/needs", EVERYONE);
        MATRIX.put("GET /api/reference/referral-sources", EVERYONE);
        MATRIX.put("GET /api/access-log", EnumSet.of(Role.AUDITOR));
        MATRIX.put("POST /api/imports", EnumSet.of(Role.ADMIN, Role.EVALUATOR));
        MATRIX.put("GET /api/imports/{importId}", EnumSet.of(Role.ADMIN, Role.EVALUATOR));
        MATRIX.put("GET /api/imports/{importId}/errors", EnumSet.of(Role.ADMIN, Role.EVALUATOR));
        MATRIX.put("GET /api/outcomes/statistics", EnumSet.of(Role.EVALUATOR));
        MATRIX.put("GET /api/outcomes/cohorts", EnumSet.of(Role.EVALUATOR));
        MATRIX.put("GET /api/outcomes/comparisons", EnumSet.of(Role.EVALUATOR));
        MATRIX.put("GET /api/outcomes/trajectory", EnumSet.of(Role.EVALUATOR));
        MATRIX.put("POST /api/exports", EnumSet.of(Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("GET /api/exports/dictionary", EnumSet.of(Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("GET /api/exports/{exportId}", EnumSet.of(Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("GET /api/exports/{exportId}/file", EnumSet.of(Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("GET /api/projections/checksums", EnumSet.of(Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("GET /api/dashboards", EnumSet.of(Role.COMMISSIONER, Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("GET /api/dashboards/{view}", EnumSet.of(Role.COMMISSIONER, Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("GET /api/projections/status", EVERYONE);
        MATRIX.put("GET /api/dead-letters", EnumSet.of(Role.ADMIN));
        MATRIX.put("POST /api/dead-letters/{processingGroup}/retries", EnumSet.of(Role.ADMIN));
        MATRIX.put("DELETE /api/dead-letters/{processingGroup}/{sequenceIdentifier}", EnumSet.of(Role.ADMIN));
        MATRIX.put("POST /api/projections/rebuilds", EnumSet.of(Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("GET /api/projections/rebuilds/{rebuildId}", EnumSet.of(Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("GET /api/projections/rebuilds/{rebuildId}/events", EnumSet.of(Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("POST /api/projections/snapshots", EnumSet.of(Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("GET /api/projections/snapshots", EnumSet.of(Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("GET /api/projections/snapshots/{name}", EnumSet.of(Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("DELETE /api/projections/snapshots/{name}", EnumSet.of(Role.EVALUATOR, Role.ADMIN));
        MATRIX.put("GET /api/audit/verification", EnumSet.of(Role.AUDITOR));
        MATRIX.put("POST /api/audit/verification", EnumSet.of(Role.AUDITOR));
        MATRIX.put("GET /api/audit/digests", EnumSet.of(Role.AUDITOR));
        MATRIX.put("POST /api/audit/digests/{day}", EnumSet.of(Role.AUDITOR));
        MATRIX.put("GET /api/audit/digests/{day}/verification", EnumSet.of(Role.AUDITOR));
        MATRIX.put("GET /api/audit/referrals/{referralId}/history", EnumSet.of(Role.AUDITOR));
        MATRIX.put("GET /api/audit/people/{personId}/history", EnumSet.of(Role.AUDITOR));
        MATRIX.put("GET /api/audit/actors/{actorId}/events", EnumSet.of(Role.AUDITOR));
        MATRIX.put("GET /api/audit/organisations/{ods}/events", EnumSet.of(Role.AUDITOR));
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void the_matrix_names_every_api_endpoint_the_app_serves() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method.name() + " " + pattern))));
        assertThat(served).containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
    }

    @Test
    void every_role_and_no_token_get_exactly_what_the_matrix_allows() {
        List<String> wrong = new ArrayList<>();
        MATRIX.forEach((endpoint, allowed) -> {
            HttpMethod method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Object body = method == HttpMethod.GET ? null : Map.of();
            Map<String, String> headers = Map.of("X-Access-Purpose", "AUDIT");

            int anonymous = ApiClient.anonymous(http).status(method, path, body, headers);
            if (anonymous != 401) {
                wrong.add(endpoint + " without a token answered " + anonymous);
            }
            for (Role role : Role.values()) {
                int status = ApiClient.as(http, tokens, "matrix-" + role, role, "Q" + role.ordinal() + "X")
                        .status(method, path, body, headers);
                boolean permitted = allowed.contains(role);
                if (!permitted && status != HttpStatus.FORBIDDEN.value()) {
                    wrong.add(endpoint + " as " + role + " answered " + status + ", expected 403");
                }
                if (permitted && (status == 401 || status == 403 || status >= 500)) {
                    wrong.add(endpoint + " as " + role + " answered " + status + ", expected to pass sign-in");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_forged_token_is_refused() {
        String forged = tokens.mint("someone", Role.ADMIN, "QMF", java.time.Duration.ofMinutes(5)) + "x";
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(forged);
        assertThat(http.exchange("/api/reference/needs", HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void responses_carry_security_headers_and_no_cors_grant() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setOrigin("https://elsewhere.example");
        headers.setBearerAuth(tokens.mint("someone", Role.AUDITOR, "QMF", java.time.Duration.ofMinutes(5)));
        ResponseEntity<String> response = http.exchange("/api/reference/needs", HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class);
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(response.getHeaders().getAccessControlAllowOrigin()).isNull();
    }
}

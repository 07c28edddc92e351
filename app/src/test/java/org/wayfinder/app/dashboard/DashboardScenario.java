package org.wayfinder.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.support.ApiClient;

/**
 * A hand-built month of referrals with known counts, recorded over HTTP. June 2010 lies outside every other
 * test's dates, so London-level figures for that month are exactly these.
 *
 * <pre>
 * Camden (E09000007): 23 referrals (20 from GP practices, 3 self-referrals); Islington (E09000019): 2 (GP).
 * Camden: 17 accepted by link worker lw-scenario, 3 declined, 3 left pending.
 * 15 of the accepted had a first contact (10 after 5 days, 5 after 12 days); 12 were assessed; 10 connected to
 * one activity; 9 attended two sessions each, and the first 4 of those also missed one; 6 closed as completed.
 * </pre>
 */
@SuppressWarnings("rawtypes")
final class DashboardScenario {

    static final String MONTH = "2010-06";
    static final LocalDate REFERRED_ON = LocalDate.of(2010, 6, 10);
    static final String CAMDEN = "E09000007";
    static final String ISLINGTON = "E09000019";

    private DashboardScenario() {
    }

    /** Records the scenario unless this database already has it (test classes share one application context). */
    static synchronized void recordOnce(JdbcTemplate jdbc, ApiClient admin, ApiClient linkWorker) {
        Long recorded = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ProviderRegistered'
                AND convert_from(payload, 'UTF8') LIKE '%Camden Scenario Walkers%'""", Long.class);
        if (recorded == null || recorded == 0) {
            record(admin, linkWorker);
        }
    }

    private static void record(ApiClient admin, ApiClient linkWorker) {
        String providerId = (String) ok(admin.post("/api/providers", Map.of(
                "name", "Camden Scenario Walkers", "description", "Walking groups",
                "boroughsServed", List.of(CAMDEN), "registeredOn", "2010-01-04"))).getBody().get("providerId");
        String activityId = (String) ok(admin.post("/api/activities", Map.of(
                "providerId", providerId, "name", "Heath walk", "description", "A walk, then tea.",
                "taxonomy", List.of("openactive:walking"),
                "location", Map.of("name", "Parliament Hill", "addressLine", "Highgate Road",
                        "postcode", "NW5 1QR", "boroughGssCode", CAMDEN),
                "schedule", "FREQ=WEEKLY;BYDAY=TU", "capacityPerSession", 12, "registeredOn", "2010-01-05")))
                .getBody().get("activityId");
        List<String> camden = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            camden.add(receive(linkWorker, CAMDEN, i < 20 ? "GP_PRACTICE" : "SELF_REFERRAL"));
        }
        receive(linkWorker, ISLINGTON, "GP_PRACTICE");
        receive(linkWorker, ISLINGTON, "GP_PRACTICE");
        for (int i = 0; i < 17; i++) {
            String id = camden.get(i);
            post(linkWorker, id, "acceptance", Map.of("linkWorkerId", "lw-scenario",
                    "acceptedOn", REFERRED_ON.plusDays(1).toString()));
            if (i < 15) {
                post(linkWorker, id, "first-contact", Map.of("contactedOn",
                        REFERRED_ON.plusDays(i < 10 ? 5 : 12).toString(), "channel", "TELEPHONE"));
            }
            if (i < 12) {
                post(linkWorker, id, "needs-assessments", Map.of("assessedOn", REFERRED_ON.plusDays(14).toString(),
                        "needs", List.of("loneliness-isolation")));
            }
            if (i < 10) {
                post(linkWorker, id, "connections", Map.of("activityId", activityId,
                        "connectedOn", REFERRED_ON.plusDays(15).toString()));
            }
            if (i < 9) {
                attend(linkWorker, id, activityId, REFERRED_ON.plusDays(19), "ATTENDED");
                attend(linkWorker, id, activityId, REFERRED_ON.plusDays(26), "ATTENDED");
                if (i < 4) {
                    attend(linkWorker, id, activityId, REFERRED_ON.plusDays(33), "DID_NOT_ATTEND");
                }
            }
            if (i < 6) {
                post(linkWorker, id, "closure", Map.of("closedOn", REFERRED_ON.plusDays(60).toString(),
                        "outcome", "COMPLETED", "supportSummary", "Walking weekly with the group."));
            }
        }
        for (int i = 17; i < 20; i++) {
            post(linkWorker, camden.get(i), "decline", Map.of("declinedBy", "PERSON", "reason", "NOT_WANTED",
                    "declinedOn", REFERRED_ON.plusDays(2).toString()));
        }
    }

    private static String receive(ApiClient linkWorker, String borough, String source) {
        String referralId = UUID.randomUUID().toString();
        ok(linkWorker.post("/api/referrals", Map.of("referralId", referralId, "personId", UUID.randomUUID().toString(),
                "referredOn", REFERRED_ON.toString(), "source", source, "boroughGssCode", borough,
                "needs", List.of("loneliness-isolation"))));
        return referralId;
    }

    private static void attend(ApiClient linkWorker, String referralId, String activityId, LocalDate on, String status) {
        post(linkWorker, referralId, "attendances", Map.of("activityId", activityId, "sessionOn", on.toString(),
                "status", status));
    }

    private static void post(ApiClient client, String referralId, String action, Map<String, Object> body) {
        ok(client.post("/api/referrals/" + referralId + "/" + action, body));
    }

    private static ResponseEntity<Map> ok(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
        return response;
    }
}

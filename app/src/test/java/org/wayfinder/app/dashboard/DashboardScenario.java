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
 * SWEMWBS: the first 10 accepted had a baseline (raw 20) 5 days after referral, the ninth's then voided (9 with a
 * baseline); follow-ups 70 days after baseline for the first 5 (raw 24 for the first 3, 20 for the next 2), and
 * for the tenth (raw 20, corrected to 25); the sixth's follow-up came after 30 days, too early to match. So 9 with a
 * baseline, 6 matched, 4 improved (raw 20 to 24 is metric 18.59 to 21.54; 20 to 20 is no change).
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
        }
        for (int i = 0; i < 10; i++) {
            String id = camden.get(i);
            LocalDate baselineOn = REFERRED_ON.plusDays(5);
            String baseline = measure(linkWorker, id, "BASELINE", baselineOn, 20);
            if (i == 8) {
                post(linkWorker, id, "wellbeing-measures/" + baseline + "/voiding", Map.of("reason", "Wrong person"));
            } else if (i < 5) {
                measure(linkWorker, id, "FOLLOW_UP", baselineOn.plusDays(70), i < 3 ? 24 : 20);
            } else if (i == 5) {
                measure(linkWorker, id, "FOLLOW_UP", baselineOn.plusDays(30), 28);
            } else if (i == 9) {
                String followUp = measure(linkWorker, id, "FOLLOW_UP", baselineOn.plusDays(70), 20);
                post(linkWorker, id, "wellbeing-measures/" + followUp + "/correction",
                        Map.of("itemResponses", swemwbs(25), "reason", "Transcription error"));
            }
        }
        for (int i = 0; i < 6; i++) {
            post(linkWorker, camden.get(i), "closure", Map.of("closedOn", REFERRED_ON.plusDays(60).toString(),
                    "outcome", "COMPLETED", "supportSummary", "Walking weekly with the group."));
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

    /** Records a SWEMWBS measure whose seven responses sum to {@code raw}; returns its id. */
    private static String measure(ApiClient linkWorker, String referralId, String timePoint, LocalDate on, int raw) {
        String measureId = UUID.randomUUID().toString();
        post(linkWorker, referralId, "wellbeing-measures", Map.of("measureId", measureId, "instrument", "SWEMWBS",
                "timePoint", timePoint, "measuredOn", on.toString(), "itemResponses", swemwbs(raw)));
        return measureId;
    }

    private static List<Integer> swemwbs(int raw) {
        List<Integer> items = new ArrayList<>();
        int left = raw;
        for (int i = 0; i < 7; i++) {
            int value = Math.min(5, Math.max(1, left - (6 - i)));
            items.add(value);
            left -= value;
        }
        return items;
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

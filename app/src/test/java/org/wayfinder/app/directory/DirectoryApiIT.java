package org.wayfinder.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.command.referral.ActivityCatalogue;
import org.wayfinder.kernel.access.Role;

/** The directory's command API end to end: HTTP in, events in PostgreSQL, problems out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectoryApiIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityCatalogue catalogue;
    @Autowired
    DevelopmentTokens tokens;

    @Test
    void a_provider_and_its_activity_are_registered() {
        String providerId = UUID.randomUUID().toString();
        ResponseEntity<Map> provider = send(HttpMethod.POST, "/api/providers", validProvider(providerId), null);

        assertThat(provider.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(provider.getHeaders().getLocation()).hasToString("/api/providers/" + providerId);
        assertThat(provider.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(provider.getBody()).containsEntry("providerId", providerId);

        ResponseEntity<Map> activity = send(HttpMethod.POST, "/api/activities", validActivity(null, providerId), null);

        assertThat(activity.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(activity.getHeaders().getETag()).isEqualTo("\"0\"");
        String activityId = (String) activity.getBody().get("activityId");
        assertThat(activityId).matches("[0-9a-f-]{36}");
        assertThat(activity.getHeaders().getLocation()).hasToString("/api/activities/" + activityId);
        assertThat(jdbc.queryForList("SELECT type FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)",
                String.class, providerId, activityId)).containsExactlyInAnyOrder("Provider", "Activity");
        assertThat(catalogue.activeProviderOf(activityId)).contains(providerId);

        ResponseEntity<Map> again = send(HttpMethod.POST, "/api/providers", validProvider(providerId), null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void a_change_sent_with_if_match_answers_with_the_new_etag_and_a_stale_one_changes_nothing() {
        String providerId = registeredProvider();
        String activityId = (String) send(HttpMethod.POST, "/api/activities", validActivity(null, providerId), null)
                .getBody().get("activityId");

        ResponseEntity<Map> changed = send(HttpMethod.PUT, "/api/activities/" + activityId, activityChange(), "\"0\"");
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getHeaders().getETag()).isEqualTo("\"1\"");

        ResponseEntity<Map> stale = send(HttpMethod.PUT, "/api/activities/" + activityId, activityChange(), "\"0\"");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody()).containsEntry("currentVersion", 1);
        assertThat(stale.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(eventsOf(activityId)).isEqualTo(2);

        ResponseEntity<Map> unconditional = send(HttpMethod.PUT, "/api/activities/" + activityId, activityChange(), null);
        assertThat(unconditional.getHeaders().getETag()).isEqualTo("\"2\"");
    }

    @Test
    void a_retired_provider_cannot_change_and_takes_no_new_activities() {
        String providerId = registeredProvider();
        ResponseEntity<Map> retired = send(HttpMethod.POST, "/api/providers/" + providerId + "/retirement",
                Map.of("retiredOn", "2025-03-31", "reason", "Merged."), null);
        assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retired.getHeaders().getETag()).isEqualTo("\"1\"");

        ResponseEntity<Map> change = send(HttpMethod.PUT, "/api/providers/" + providerId, providerChange(), null);
        assertThat(change.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(change.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(change.getBody()).containsEntry("rule", "provider-retired");

        String activityId = UUID.randomUUID().toString();
        ResponseEntity<Map> activity = send(HttpMethod.POST, "/api/activities", validActivity(activityId, providerId), null);
        assertThat(activity.getBody()).containsEntry("rule", "activity-provider-retired");
        assertThat(eventsOf(providerId)).isEqualTo(2);
        assertThat(eventsOf(activityId)).isZero();
    }

    @Test
    void an_unknown_id_is_a_404_even_when_it_belongs_to_another_kind_of_record() {
        ResponseEntity<Map> unknown = send(HttpMethod.PUT, "/api/providers/" + UUID.randomUUID(), providerChange(), null);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        String providerId = registeredProvider();
        ResponseEntity<Map> provider = send(HttpMethod.POST, "/api/activities/" + providerId + "/retirement",
                Map.of("retiredOn", "2025-03-31", "reason", "Wrong kind of id."), null);
        assertThat(provider.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(eventsOf(providerId)).isOne();

        ResponseEntity<Map> noProvider = send(HttpMethod.POST, "/api/activities",
                validActivity(null, UUID.randomUUID().toString()), null);
        assertThat(noProvider.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(noProvider.getBody()).containsEntry("rule", "activity-provider-unknown");
    }

    @Test
    void bad_input_is_a_400_problem_naming_what_is_wrong() {
        ResponseEntity<Map> body = send(HttpMethod.POST, "/api/activities", Map.of(
                "providerId", "nobody",
                "taxonomy", List.of("Walking"),
                "location", Map.of("name", "Hall", "addressLine", "1 High St", "postcode", "nowhere",
                        "boroughGssCode", "E09000012"),
                "registeredOn", "2025-01-01"), null);
        assertThat(body.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<Map<String, String>> errors = (List<Map<String, String>>) body.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder(
                "capacityPerSession", "description", "location.postcode", "name", "providerId", "taxonomy[0]");

        ResponseEntity<Map> path = send(HttpMethod.PUT, "/api/providers/not-a-uuid", providerChange(), null);
        assertThat(path.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) path.getBody().get("detail")).contains("'providerId'");

        ResponseEntity<Map> ifMatch = send(HttpMethod.PUT, "/api/providers/" + UUID.randomUUID(), providerChange(), "yesterday");
        assertThat(ifMatch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ifMatch.getBody()).containsEntry("title", "Invalid If-Match header");
    }

    private String registeredProvider() {
        String providerId = UUID.randomUUID().toString();
        assertThat(send(HttpMethod.POST, "/api/providers", validProvider(providerId), null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return providerId;
    }

    private static Map<String, Object> validProvider(String providerId) {
        return Map.of(
                "providerId", providerId,
                "name", "Grow Together Hackney",
                "description", "Community gardening and walking groups.",
                "charityNumber", "1123456",
                "website", "https://growtogether.org.uk",
                "email", "hello@growtogether.org.uk",
                "boroughsServed", List.of("E09000012", "E09000030"),
                "registeredOn", "2025-02-01");
    }

    private static Map<String, Object> providerChange() {
        return Map.of(
                "name", "Grow Together",
                "description", "Community gardening.",
                "boroughsServed", List.of("E09000012"),
                "changedOn", LocalDate.now().minusDays(1).toString());
    }

    private static Map<String, Object> validActivity(String activityId, String providerId) {
        Map<String, Object> activity = new HashMap<>(activityChange());
        activity.remove("changedOn");
        activity.put("providerId", providerId);
        activity.put("registeredOn", "2025-02-05");
        if (activityId != null) {
            activity.put("activityId", activityId);
        }
        return activity;
    }

    private static Map<String, Object> activityChange() {
        return Map.of(
                "name", "Tuesday walk and talk",
                "description", "A gentle walk round the marshes, then tea.",
                "taxonomy", List.of("openactive:walking"),
                "location", Map.of("name", "Hackney Marshes Centre", "addressLine", "Homerton Road",
                        "postcode", "E9 5PF", "boroughGssCode", "E09000012"),
                "schedule", "FREQ=WEEKLY;BYDAY=TU",
                "capacityPerSession", 12,
                "changedOn", LocalDate.now().minusDays(1).toString());
    }

    private ResponseEntity<Map> send(HttpMethod method, String path, Map<String, Object> body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        headers.setBearerAuth(tokens.mint("vcse-admin", Role.ADMIN, "QMF", java.time.Duration.ofMinutes(5)));
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }
}

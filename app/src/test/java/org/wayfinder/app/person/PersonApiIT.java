package org.wayfinder.app.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
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
import org.wayfinder.projection.person.PersonDirectoryProjection;

/** The person slice end to end: encrypted on the way in, decrypted on the way out, shredded on erasure. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonApiIT {

    private static final String NHS_NUMBER = "9434765919";
    private static final String FAMILY_NAME = "Okonkwo-Baptiste";
    private static final String GIVEN_NAME = "Adaeze";
    private static final String POSTCODE = "SE5 8AF";
    private static final String DATE_OF_BIRTH = "1956-02-29";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    org.wayfinder.app.security.DevelopmentTokens tokens;

    @Test
    void a_registered_person_reads_back_with_their_identity_decrypted() {
        String personId = UUID.randomUUID().toString();
        ResponseEntity<Map> created = send(HttpMethod.POST, "/api/people", person(personId), null);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/people/" + personId);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"0\"");

        Map<?, ?> person = awaitPerson(personId, p -> true);
        assertThat(person.get("nhsNumber")).isEqualTo(NHS_NUMBER);
        assertThat(person.get("givenName")).isEqualTo(GIVEN_NAME);
        assertThat(person.get("familyName")).isEqualTo(FAMILY_NAME);
        assertThat(person.get("dateOfBirth")).isEqualTo(DATE_OF_BIRTH);
        assertThat(person.get("postcode")).isEqualTo(POSTCODE);
        assertThat(person.get("email")).isEqualTo("adaeze@example.org");
        assertThat(person.get("ageBand")).isEqualTo("AGE_65_74");
        assertThat(person.get("ethnicCategory")).isEqualTo("BLACK_AFRICAN");
        assertThat(person.get("ethnicGroup")).isEqualTo("BLACK");
        assertThat(person.get("imdDecile")).isEqualTo(2);
        assertThat(person.get("imdEdition")).isEqualTo("IMD2019");
        assertThat(person.get("erased")).isEqualTo(false);
    }

    @Test
    void no_personal_data_is_stored_in_plain_text() {
        String personId = UUID.randomUUID().toString();
        send(HttpMethod.POST, "/api/people", person(personId), null);
        awaitPerson(personId, p -> true);

        List<byte[]> payloads = jdbc.query("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                (rs, row) -> rs.getBytes("payload"), personId);
        assertThat(payloads).hasSize(1);
        String payload = new String(payloads.get(0), StandardCharsets.UTF_8);
        assertThat(payload).contains("ciphertext", "AES-256-GCM", "AGE_65_74")
                .doesNotContain(NHS_NUMBER, "943 476 5919", GIVEN_NAME, FAMILY_NAME, POSTCODE, "SE58AF",
                        DATE_OF_BIRTH, "adaeze@example.org");

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM person_directory WHERE person_id = ?", personId);
        assertThat(row.values().toString())
                .doesNotContain(NHS_NUMBER, GIVEN_NAME, FAMILY_NAME, POSTCODE, DATE_OF_BIRTH);
    }

    @Test
    void an_erased_person_keeps_demographics_but_loses_identity_and_key() {
        String personId = UUID.randomUUID().toString();
        send(HttpMethod.POST, "/api/people", person(personId), null);

        ResponseEntity<Map> erased = send(HttpMethod.POST, "/api/people/" + personId + "/erasure",
                Map.of("reason", "erasure request"), null);

        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(erased.getHeaders().getETag()).isEqualTo("\"1\"");
        Map<String, Object> key = jdbc.queryForMap(
                "SELECT key_bytes, destroyed_at FROM person_key WHERE person_id = ?", personId);
        assertThat(key.get("key_bytes")).isNull();
        assertThat(key.get("destroyed_at")).isNotNull();
        assertThat(eventProcessing.eventProcessor("person-key-shredding"))
                .containsInstanceOf(SubscribingEventProcessor.class);
        // A failure to destroy the key must refuse the erasure, so shredding is never dead-lettered.
        assertThat(eventProcessing.deadLetterQueue("person-key-shredding")).isEmpty();

        Map<String, Object> person = (Map<String, Object>) awaitPerson(personId, p -> Boolean.TRUE.equals(p.get("erased")));
        assertThat(person).containsKeys("nhsNumber", "givenName", "familyName", "dateOfBirth", "postcode")
                .containsEntry("nhsNumber", null).containsEntry("givenName", null)
                .containsEntry("familyName", null).containsEntry("dateOfBirth", null).containsEntry("postcode", null);
        assertThat(person.get("ageBand")).isEqualTo("AGE_65_74");
        assertThat(person.get("ethnicGroup")).isEqualTo("BLACK");
        assertThat(person.get("boroughGssCode")).isEqualTo("E09000028");
    }

    @Test
    void the_directory_rebuilds_after_a_reset_and_an_erased_person_stays_without_ciphertext() {
        String keptId = UUID.randomUUID().toString();
        String erasedId = UUID.randomUUID().toString();
        send(HttpMethod.POST, "/api/people", person(keptId), null);
        send(HttpMethod.POST, "/api/people", person(erasedId), null);
        send(HttpMethod.POST, "/api/people/" + erasedId + "/erasure", Map.of("reason", "erasure request"), null);
        awaitPerson(erasedId, p -> Boolean.TRUE.equals(p.get("erased")));

        TrackingEventProcessor processor = eventProcessing
                .eventProcessor(PersonDirectoryProjection.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person_directory", Long.class)).isZero();
        processor.start();

        assertThat(awaitPerson(keptId, p -> true).get("familyName")).isEqualTo(FAMILY_NAME);
        awaitPerson(erasedId, p -> Boolean.TRUE.equals(p.get("erased")));
        assertThat(jdbc.queryForMap("SELECT ciphertext, nonce, key_id FROM person_directory WHERE person_id = ?",
                erasedId).values()).containsOnlyNulls();
    }

    @Test
    void nothing_is_recorded_for_an_erased_person() {
        String personId = UUID.randomUUID().toString();
        send(HttpMethod.POST, "/api/people", person(personId), null);
        send(HttpMethod.POST, "/api/people/" + personId + "/erasure", Map.of("reason", "erasure request"), null);

        ResponseEntity<Map> consent = send(HttpMethod.POST, "/api/people/" + personId + "/consents",
                Map.of("scope", "EVALUATION"), null);
        ResponseEntity<Map> identity = send(HttpMethod.PUT, "/api/people/" + personId + "/identity",
                identityChange(), null);

        assertThat(consent.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(consent.getBody()).containsEntry("rule", "person-erased");
        assertThat(identity.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(identity.getBody()).containsEntry("rule", "person-erased");
        assertThat(jdbc.queryForObject("SELECT key_bytes IS NULL FROM person_key WHERE person_id = ?",
                Boolean.class, personId)).isTrue();
    }

    @Test
    void a_merged_duplicate_reads_back_with_its_survivor() {
        String duplicateId = UUID.randomUUID().toString();
        String survivorId = UUID.randomUUID().toString();
        send(HttpMethod.POST, "/api/people", person(duplicateId), null);
        send(HttpMethod.POST, "/api/people", person(survivorId), null);

        ResponseEntity<Map> merged = send(HttpMethod.POST, "/api/people/" + duplicateId + "/merge",
                Map.of("survivorId", survivorId, "reason", "duplicate registration"), "\"0\"");

        assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(merged.getHeaders().getETag()).isEqualTo("\"1\"");
        Map<?, ?> duplicate = awaitPerson(duplicateId, p -> survivorId.equals(p.get("mergedInto")));
        assertThat(duplicate.get("givenName")).isEqualTo(GIVEN_NAME);
    }

    @Test
    void a_merge_into_an_erased_person_is_refused() {
        String duplicateId = UUID.randomUUID().toString();
        String survivorId = UUID.randomUUID().toString();
        send(HttpMethod.POST, "/api/people", person(duplicateId), null);
        send(HttpMethod.POST, "/api/people", person(survivorId), null);
        send(HttpMethod.POST, "/api/people/" + survivorId + "/erasure", Map.of("reason", "erasure request"), null);

        ResponseEntity<Map> merged = send(HttpMethod.POST, "/api/people/" + duplicateId + "/merge",
                Map.of("survivorId", survivorId, "reason", "duplicate registration"), null);

        assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(merged.getBody()).containsEntry("rule", "merge-survivor-erased");
    }

    @Test
    void consents_are_listed_until_withdrawn() {
        String personId = UUID.randomUUID().toString();
        send(HttpMethod.POST, "/api/people", person(personId), null);
        send(HttpMethod.POST, "/api/people/" + personId + "/consents", Map.of("scope", "SHARE_WITH_GP"), null);
        ResponseEntity<Map> second = send(HttpMethod.POST, "/api/people/" + personId + "/consents",
                Map.of("scope", "EVALUATION", "recordedOn", "2025-06-02"), "\"1\"");
        ResponseEntity<Map> withdrawn = send(HttpMethod.POST, "/api/people/" + personId + "/consent-withdrawals",
                Map.of("scope", "SHARE_WITH_GP"), null);

        assertThat(second.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(withdrawn.getHeaders().getETag()).isEqualTo("\"3\"");
        awaitPerson(personId, p -> List.of("EVALUATION").equals(p.get("consents")));
    }

    @Test
    void a_change_naming_an_old_version_fails_its_precondition() {
        String personId = UUID.randomUUID().toString();
        send(HttpMethod.POST, "/api/people", person(personId), null);
        send(HttpMethod.PUT, "/api/people/" + personId + "/demographics", demographics(), "\"0\"");

        ResponseEntity<Map> stale = send(HttpMethod.PUT, "/api/people/" + personId + "/demographics",
                demographics(), "\"0\"");

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(eventsOf(personId)).isEqualTo(2);
    }

    @Test
    void a_new_identity_replaces_the_old_one() {
        String personId = UUID.randomUUID().toString();
        send(HttpMethod.POST, "/api/people", person(personId), null);

        ResponseEntity<Map> changed = send(HttpMethod.PUT, "/api/people/" + personId + "/identity", identityChange(), null);

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<?, ?> person = awaitPerson(personId, p -> "Mensah".equals(p.get("familyName")));
        assertThat(person.get("nhsNumber")).isNull();
        assertThat(person.get("postcode")).isEqualTo("N1 9GU");
    }

    @Test
    void an_invalid_nhs_number_is_a_400_naming_the_field_without_repeating_it() {
        Map<String, Object> body = person(UUID.randomUUID().toString());
        body.put("nhsNumber", "943 476 5918");

        ResponseEntity<Map> response = send(HttpMethod.POST, "/api/people", body, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("nhsNumber");
        assertThat(response.getBody().toString()).doesNotContain("5918");
    }

    @Test
    void a_person_can_be_registered_without_an_nhs_number() {
        String personId = UUID.randomUUID().toString();
        Map<String, Object> body = person(personId);
        body.remove("nhsNumber");

        assertThat(send(HttpMethod.POST, "/api/people", body, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(awaitPerson(personId, p -> true).get("nhsNumber")).isNull();
    }

    @Test
    void a_change_to_an_unknown_person_is_a_404() {
        ResponseEntity<Map> response = send(HttpMethod.PUT, "/api/people/" + UUID.randomUUID() + "/demographics",
                demographics(), null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private Map<String, Object> person(String personId) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId);
        body.put("registeredOn", "2025-06-02");
        body.put("nhsNumber", "943 476 5919");
        body.put("givenName", GIVEN_NAME);
        body.put("familyName", FAMILY_NAME);
        body.put("dateOfBirth", DATE_OF_BIRTH);
        body.put("postcode", "se58af");
        body.put("email", "adaeze@example.org");
        body.put("sex", "FEMALE");
        body.put("ethnicCategory", "BLACK_AFRICAN");
        body.put("imdDecile", 2);
        body.put("imdEdition", "IMD2019");
        body.put("boroughGssCode", "E09000028");
        return body;
    }

    private static Map<String, Object> identityChange() {
        return Map.of("changedOn", "2025-07-01", "givenName", "Adaeze", "familyName", "Mensah",
                "dateOfBirth", DATE_OF_BIRTH, "postcode", "N1 9GU");
    }

    private static Map<String, Object> demographics() {
        return Map.of("recordedOn", "2025-07-01", "sex", "FEMALE", "ethnicCategory", "BLACK_AFRICAN",
                "imdDecile", 3, "imdEdition", "IoD2025", "boroughGssCode", "E09000019");
    }

    private ResponseEntity<Map> send(HttpMethod method, String path, Map<String, Object> body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        headers.setBearerAuth(path.endsWith("/erasure")
                ? tokens.mint("records-admin", org.wayfinder.kernel.access.Role.ADMIN, "F84003", Duration.ofMinutes(5))
                : tokens.mint("lw-islington-2", org.wayfinder.kernel.access.Role.LINK_WORKER, "F84003",
                Duration.ofMinutes(5)));
        headers.add("X-Access-Purpose", "DIRECT_CARE");
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    private Map<?, ?> awaitPerson(String personId, Predicate<Map<?, ?>> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> send(HttpMethod.GET, "/api/people/" + personId, null, null),
                        response -> response.getStatusCode() == HttpStatus.OK && condition.test(response.getBody()))
                .getBody();
    }

    private long eventsOf(String personId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, personId);
    }
}

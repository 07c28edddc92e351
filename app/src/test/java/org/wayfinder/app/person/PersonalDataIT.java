package org.wayfinder.app.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;

/**
 * Personal data stays where it belongs: never in logs, never in plain text in any table, and gone
 * everywhere once a person is erased, also after every projection has been rebuilt from the events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class PersonalDataIT {

    private static final String NHS_NUMBER = "9434765919";
    private static final String GIVEN_NAME = "Zebedee";
    private static final String FAMILY_NAME = "Quaintance";
    private static final String DATE_OF_BIRTH = "1951-02-27";
    private static final String POSTCODE = "E8 3QX";
    private static final List<String> IDENTIFIERS = List.of(NHS_NUMBER, "943 476 5919", GIVEN_NAME, FAMILY_NAME,
            DATE_OF_BIRTH, POSTCODE, "E83QX");
    private static final Map<String, String> PURPOSE = Map.of("X-Access-Purpose", "DIRECT_CARE");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DevelopmentTokens tokens;
    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Test
    void erasure_removes_identity_everywhere_also_after_a_full_rebuild_and_logs_never_hold_it(CapturedOutput logs) {
        ApiClient linkWorker = ApiClient.as(http, tokens, "lw-hackney-3", Role.LINK_WORKER, "F84003");
        ApiClient admin = ApiClient.as(http, tokens, "records-admin", Role.ADMIN, "F84003");
        String personId = UUID.randomUUID().toString();
        ResponseEntity<Map> registered = linkWorker.post("/api/people", Map.ofEntries(
                Map.entry("personId", personId), Map.entry("nhsNumber", "943 476 5919"),
                Map.entry("givenName", GIVEN_NAME), Map.entry("familyName", FAMILY_NAME),
                Map.entry("dateOfBirth", DATE_OF_BIRTH), Map.entry("postcode", POSTCODE), Map.entry("sex", "MALE"),
                Map.entry("ethnicCategory", "WHITE_BRITISH"), Map.entry("imdDecile", 2),
                Map.entry("imdEdition", "IoD2025"), Map.entry("boroughGssCode", "E09000012")));
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String referralId = UUID.randomUUID().toString();
        assertThat(linkWorker.post("/api/referrals", Map.of("referralId", referralId, "personId", personId,
                "referredOn", "2026-01-12", "source", "GP_PRACTICE", "boroughGssCode", "E09000012",
                "needs", List.of("loneliness-isolation"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // Bad input that contains identifiers must not echo them into logs or responses either.
        ResponseEntity<Map> refused = linkWorker.post("/api/people", Map.of("nhsNumber", "9434765918",
                "givenName", GIVEN_NAME, "familyName", FAMILY_NAME, "dateOfBirth", "2999-01-01", "postcode", POSTCODE));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(refused.getBody())).doesNotContain("9434765918");

        Map before = await().atMost(Duration.ofSeconds(20)).until(
                () -> linkWorker.get("/api/people/" + personId, PURPOSE),
                r -> r.getStatusCode() == HttpStatus.OK).getBody();
        assertThat(before).containsEntry("nhsNumber", NHS_NUMBER).containsEntry("familyName", FAMILY_NAME);
        assertThat(tablesContaining(NHS_NUMBER)).as("plain NHS number in a table before erasure").isEmpty();

        assertThat(admin.post("/api/people/" + personId + "/erasure", Map.of("reason", "Right to erasure request"))
                .getStatusCode().is2xxSuccessful()).isTrue();
        rebuildEveryProjection();

        Map after = await().atMost(Duration.ofSeconds(30)).until(
                () -> linkWorker.get("/api/people/" + personId, PURPOSE),
                r -> r.getStatusCode() == HttpStatus.OK && Boolean.TRUE.equals(r.getBody().get("erased"))).getBody();
        assertThat(after.get("nhsNumber")).isNull();
        assertThat(after.get("familyName")).isNull();
        assertThat(after.get("dateOfBirth")).isNull();
        assertThat(after).containsEntry("ageBand", "AGE_75_84").containsEntry("boroughGssCode", "E09000012");
        Map referral = await().atMost(Duration.ofSeconds(30)).until(
                () -> linkWorker.get("/api/referrals/" + referralId, PURPOSE),
                r -> r.getStatusCode() == HttpStatus.OK).getBody();
        assertThat(referral).as("facts keep counting after erasure").containsEntry("personId", personId);

        assertThat(logs.getAll()).as("the capture sees the app's logs").contains("referral-summary");
        for (String identifier : IDENTIFIERS) {
            assertThat(tablesContaining(identifier)).as("tables holding %s", identifier).isEmpty();
            assertThat(logs.getAll()).as("logs").doesNotContain(identifier);
        }
        assertThat(String.valueOf(after)).doesNotContain(FAMILY_NAME);
    }

    private void rebuildEveryProjection() {
        List<StreamingEventProcessor> processors = eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        assertThat(processors).isNotEmpty();
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        processors.forEach(StreamingEventProcessor::start);
        await().atMost(Duration.ofSeconds(30)).until(() -> processors.stream()
                .allMatch(p -> p instanceof TrackingEventProcessor t ? !t.isReplaying() : true));
    }

    /** Every table and column of the schema, searched as text; event payloads are decoded from bytes first. */
    private List<String> tablesContaining(String value) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'bytea', 'ARRAY')
                """);
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String expression = "bytea".equals(column.get("data_type"))
                    ? "convert_from(\"" + name + "\", 'UTF8')" : "\"" + name + "\"::text";
            try {
                Long hits = jdbc.queryForObject("SELECT count(*) FROM \"" + table + "\" WHERE " + expression
                        + " ILIKE ?", Long.class, "%" + value + "%");
                if (hits != null && hits > 0) {
                    found.add(table + "." + name);
                }
            } catch (org.springframework.dao.DataAccessException notText) {
                // binary columns that are not UTF-8 (keys, ciphertext) cannot hold readable identifiers
            }
        }
        return found;
    }
}

package org.wayfinder.app.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.app.support.ApiClient;
import org.wayfinder.kernel.access.Role;

/**
 * Pseudonymised evaluator exports end to end: people registered with known identities, exported person-level and
 * event-level, and every file searched for every identifier. Pseudonyms hold within a key and differ across keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class ExportsIT {

    private static final String HACKNEY = "E09000012";

    /** Valid NHS numbers (Modulus 11), names, postcodes and dates of birth that must never leave in an export. */
    private static final List<Map<String, String>> PEOPLE = List.of(
            Map.of("nhsNumber", "4010232137", "givenName", "Zebedee", "familyName", "Quillfeather",
                    "postcode", "E8 1DY", "dateOfBirth", "1957-03-14"),
            Map.of("nhsNumber", "4857773457", "givenName", "Philomena", "familyName", "Arkwrightson",
                    "postcode", "E9 6AB", "dateOfBirth", "1984-11-02"),
            Map.of("nhsNumber", "4505577104", "givenName", "Thaddeus", "familyName", "Mbeki-Lowry",
                    "postcode", "N16 7UX", "dateOfBirth", "2001-07-29"));

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DevelopmentTokens tokens;

    private ApiClient linkWorker;
    private ApiClient evaluator;
    private LocalDate referredOn;

    @BeforeEach
    void users() {
        linkWorker = ApiClient.as(http, tokens, "lw-hackney-1", Role.LINK_WORKER, "F84003");
        evaluator = ApiClient.as(http, tokens, "evaluator-exports", Role.EVALUATOR, "QMF");
        referredOn = LocalDate.now().minusDays(500 + ThreadLocalRandom.current().nextInt(2000));
    }

    @Test
    void exports_carry_no_identifier_and_pseudonyms_hold_within_a_key_only() throws IOException {
        List<String> personIds = new ArrayList<>();
        List<String> referralIds = new ArrayList<>();
        for (Map<String, String> identity : PEOPLE) {
            String personId = UUID.randomUUID().toString();
            Map<String, Object> body = new HashMap<>(identity);
            body.putAll(Map.of("personId", personId, "sex", "FEMALE", "ethnicCategory", "BLACK_AFRICAN",
                    "imdDecile", 2, "imdEdition", "IMD2019", "boroughGssCode", HACKNEY));
            ok(linkWorker.post("/api/people", body));
            String referralId = UUID.randomUUID().toString();
            ok(linkWorker.post("/api/referrals", Map.of("referralId", referralId, "personId", personId,
                    "referredOn", referredOn.toString(), "source", "GP_PRACTICE", "boroughGssCode", HACKNEY,
                    "needs", List.of("loneliness-isolation", "debt-money"))));
            measure(referralId, "BASELINE", referredOn.plusDays(3), 19);
            measure(referralId, "FOLLOW_UP", referredOn.plusDays(70), 24);
            personIds.add(personId);
            referralIds.add(referralId);
        }
        Map<String, Object> filters = Map.of("referredFrom", referredOn.toString(), "referredTo", referredOn.toString(),
                "boroughGssCode", HACKNEY);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM wellbeing_outcome WHERE referred_on = ? AND borough_gss_code = ?", Long.class,
                referredOn, HACKNEY) == 6 && jdbc.queryForObject(
                "SELECT count(*) FROM outcome_person WHERE person_id IN (?, ?, ?)", Long.class,
                personIds.toArray()) == 3);

        String key = "study-" + UUID.randomUUID();
        Map personLevel = finished(request("person-level", key, filters));
        Map eventLevel = finished(request("event-level", key, filters));
        Map otherKey = finished(request("person-level", "other-" + UUID.randomUUID(), filters));

        assertThat(personLevel).containsEntry("rowsDone", 3).containsEntry("rowsTotal", 3)
                .containsEntry("progress", 1.0).containsEntry("exportKey", key);
        assertThat(eventLevel).containsEntry("rowsDone", 6);

        String personCsv = file(personLevel);
        String eventCsv = file(eventLevel);
        String otherCsv = file(otherKey);
        for (String csv : List.of(personCsv, eventCsv, otherCsv)) {
            String lower = csv.toLowerCase();
            for (Map<String, String> identity : PEOPLE) {
                String nhs = identity.get("nhsNumber");
                String dob = identity.get("dateOfBirth");
                String postcode = identity.get("postcode").toLowerCase();
                LocalDate born = LocalDate.parse(dob);
                assertThat(csv).doesNotContain(nhs, nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " "
                        + nhs.substring(6), nhs.substring(0, 3) + "-" + nhs.substring(3, 6) + "-" + nhs.substring(6));
                assertThat(lower).doesNotContain(identity.get("givenName").toLowerCase(),
                        identity.get("familyName").toLowerCase(), postcode, postcode.replace(" ", ""));
                assertThat(csv).doesNotContain(dob, dob.replace("-", ""), String.format("%02d/%02d/%d",
                        born.getDayOfMonth(), born.getMonthValue(), born.getYear()), dob.substring(0, 7));
            }
            for (String id : personIds) {
                assertThat(csv).doesNotContain(id);
            }
            for (String id : referralIds) {
                assertThat(csv).doesNotContain(id);
            }
            // Exact dates never leave: months and day counts only.
            assertThat(csv).doesNotContain(referredOn.toString(), referredOn.plusDays(3).toString(),
                    referredOn.plusDays(70).toString());
        }

        List<CSVRecord> people = parse(personCsv);
        List<CSVRecord> events = parse(eventCsv);
        List<CSVRecord> others = parse(otherCsv);
        Set<String> pseudonyms = people.stream().map(r -> r.get("person_pseudonym")).collect(Collectors.toSet());
        assertThat(pseudonyms).hasSize(3).allMatch(p -> p.matches("[0-9a-f]{32}"));
        assertThat(events.stream().map(r -> r.get("person_pseudonym")).collect(Collectors.toSet()))
                .isEqualTo(pseudonyms);
        assertThat(others.stream().map(r -> r.get("person_pseudonym")).collect(Collectors.toSet()))
                .hasSize(3).doesNotContainAnyElementsOf(pseudonyms);
        // The same key again gives the same pseudonyms.
        Map again = finished(request("person-level", key, filters));
        assertThat(parse(file(again)).stream().map(r -> r.get("person_pseudonym")).collect(Collectors.toSet()))
                .isEqualTo(pseudonyms);

        CSVRecord person = people.get(0);
        assertThat(person.get("age_band")).startsWith("AGE_");
        assertThat(person.get("first_referral_month")).isEqualTo(referredOn.toString().substring(0, 7));
        assertThat(person.get("first_referral_icb")).isEqualTo("QMF");
        assertThat(person.get("needs")).isEqualTo("debt-money;loneliness-isolation");
        assertThat(person.get("swemwbs_baseline_metric")).isEqualTo("17.98");
        assertThat(person.get("swemwbs_first_follow_up_metric")).isEqualTo("21.54");
        assertThat(person.get("swemwbs_follow_up_days")).isEqualTo("67");
        assertThat(events).extracting(r -> r.get("days_since_baseline")).containsOnly("0", "67");
        assertThat(people.get(0).toMap().keySet()).doesNotContain("nhs_number", "name", "date_of_birth", "postcode");

        // Who asked, and for each export the request and every download, are in the access log.
        for (Map export : List.of(personLevel, eventLevel, otherKey, again)) {
            String exportId = (String) export.get("exportId");
            assertThat(jdbc.queryForList("SELECT action FROM access_log WHERE resource_type = 'evaluator-export' "
                    + "AND resource_id = ? AND actor_id = 'evaluator-exports' AND purpose = 'EVALUATION'",
                    String.class, exportId)).contains("export-requested", "export-downloaded");
        }
        assertThat(personLevel.get("purpose").toString()).contains("Evaluation of");
    }

    @Test
    void only_the_requester_sees_an_export_and_an_unfinished_file_is_409() {
        String exportId = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO evaluator_export (export_id, kind, purpose, export_key_id, filters, state, requested_by,
                                              requested_role, organisation, requested_at)
                VALUES (?, 'person-level', 'A running export for this test', 'k', '{}', 'RUNNING',
                        'evaluator-exports', 'EVALUATOR', 'QMF', now())""", exportId);
        assertThat(evaluator.get("/api/exports/" + exportId).getBody()).containsEntry("state", "RUNNING");
        ResponseEntity<Map> notReady = evaluator.get("/api/exports/" + exportId + "/file");
        assertThat(notReady.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notReady.getBody()).containsEntry("state", "RUNNING");
        ApiClient someoneElse = ApiClient.as(http, tokens, "evaluator-other", Role.EVALUATOR, "QMF");
        assertThat(someoneElse.get("/api/exports/" + exportId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(someoneElse.get("/api/exports/" + exportId + "/file").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiClient.as(http, tokens, "admin-1", Role.ADMIN, "QMF").get("/api/exports/" + exportId)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(evaluator.get("/api/exports/not-an-id").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void bad_requests_are_400_naming_the_field_and_the_dictionary_names_every_column() {
        ResponseEntity<Map> badKind = evaluator.post("/api/exports", Map.of("kind", "everything",
                "purpose", "Evaluation of loneliness outcomes"));
        assertThat(badKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badKind.getBody().toString()).contains("kind");
        ResponseEntity<Map> badIcb = evaluator.post("/api/exports", Map.of("kind", "person-level",
                "purpose", "Evaluation of loneliness outcomes", "filters", Map.of("icb", "XYZ")));
        assertThat(badIcb.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badIcb.getBody().toString()).contains("icb");
        assertThat(evaluator.post("/api/exports", Map.of("kind", "person-level")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.as(http, tokens, "commissioner-2", Role.COMMISSIONER, "QMF").post("/api/exports",
                Map.of("kind", "person-level", "purpose", "Evaluation of loneliness outcomes")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> dictionary = evaluator.exchangeRaw(HttpMethod.GET, "/api/exports/dictionary", null,
                MediaType.APPLICATION_JSON);
        assertThat(dictionary.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dictionary.getBody()).contains("person_pseudonym", "referral_pseudonym", "days_since_baseline",
                "age_band", "meaning");
    }

    private Map request(String kind, String key, Map<String, Object> filters) {
        ResponseEntity<Map> accepted = evaluator.post("/api/exports", Map.of("kind", kind,
                "purpose", "Evaluation of loneliness outcomes in Hackney", "exportKey", key, "filters", filters));
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getHeaders().getLocation()).isNotNull();
        return accepted.getBody();
    }

    private Map finished(Map accepted) {
        String exportId = (String) accepted.get("exportId");
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> evaluator.get("/api/exports/" + exportId).getBody(),
                        status -> "DONE".equals(status.get("state")) || "FAILED".equals(status.get("state")));
    }

    private String file(Map status) {
        assertThat(status).containsEntry("state", "DONE");
        ResponseEntity<String> file = evaluator.exchangeRaw(HttpMethod.GET, (String) status.get("file"), null,
                MediaType.TEXT_PLAIN);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType().toString()).startsWith("text/csv");
        return file.getBody();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }

    private void measure(String referralId, String timePoint, LocalDate on, int raw) {
        ok(linkWorker.post("/api/referrals/" + referralId + "/wellbeing-measures", Map.of("instrument", "SWEMWBS",
                "timePoint", timePoint, "measuredOn", on.toString(), "itemResponses", items(raw))));
    }

    /** Seven SWEMWBS responses summing to {@code raw}. */
    private static List<Integer> items(int raw) {
        List<Integer> items = new ArrayList<>();
        int left = raw;
        for (int i = 0; i < 7; i++) {
            int value = Math.min(5, Math.max(1, left - (6 - i)));
            items.add(value);
            left -= value;
        }
        return items;
    }

    private static void ok(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
    }
}

package org.wayfinder.command.history.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wayfinder.kernel.geography.LondonBorough;
import org.wayfinder.kernel.person.NhsNumber;
import org.wayfinder.kernel.referral.AttendanceStatus;
import org.wayfinder.kernel.referral.ClosureOutcome;
import org.wayfinder.kernel.referral.Need;
import org.wayfinder.kernel.referral.ReferralSource;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.OnsLonelinessFrequency;
import org.wayfinder.kernel.wellbeing.TimePoint;
import org.wayfinder.kernel.wellbeing.WellbeingScoring;

/** What an importer relies on: valid codes, known references, and dates in journey order, none after the end. */
class GeneratedHistoryIsImportableTest {

    @TempDir
    static Path out;

    static final LocalDate LAST = Scale.DEMO.to();

    static List<Map<String, String>> people;
    static List<Map<String, String>> referrals;
    static List<Map<String, String>> connections;
    static List<Map<String, String>> attendances;
    static List<Map<String, String>> measures;
    static List<Map<String, String>> activities;
    static List<Map<String, String>> providers;
    static Map<String, Map<String, String>> referralById;

    @BeforeAll
    static void generateDemo() {
        GeneratedFiles.generate(out, Scale.DEMO, 2019, null);
        people = GeneratedFiles.rows(out, ImportFile.PEOPLE);
        referrals = GeneratedFiles.rows(out, ImportFile.REFERRALS);
        connections = GeneratedFiles.rows(out, ImportFile.CONNECTIONS);
        attendances = GeneratedFiles.rows(out, ImportFile.ATTENDANCES);
        measures = GeneratedFiles.rows(out, ImportFile.WELLBEING);
        activities = GeneratedFiles.rows(out, ImportFile.ACTIVITIES);
        providers = GeneratedFiles.rows(out, ImportFile.PROVIDERS);
        referralById = referrals.stream().collect(Collectors.toMap(r -> r.get("referral_id"), Function.identity()));
    }

    @Test
    void every_nhs_number_is_valid_unique_to_one_living_record_and_in_the_test_range() {
        List<String> numbers = people.stream().filter(p -> p.get("merged_into_person_id").isEmpty())
                .map(p -> p.get("nhs_number")).filter(n -> !n.isEmpty()).toList();

        assertThat(numbers).isNotEmpty().allSatisfy(n -> {
            assertThat(NhsNumber.isValid(n)).as(n).isTrue();
            assertThat(n).startsWith("999");
        });
        assertThat(new HashSet<>(numbers)).hasSameSizeAs(numbers);
        assertThat(people).allSatisfy(p -> assertThat(p.get("nhs_number").isEmpty()
                || NhsNumber.isValid(p.get("nhs_number"))).isTrue());
    }

    @Test
    void every_wellbeing_response_is_scoreable() {
        assertThat(measures).isNotEmpty().allSatisfy(m -> {
            Instrument instrument = Instrument.valueOf(m.get("instrument"));
            List<Integer> items = Arrays.stream(m.get("item_responses").split("\\|")).map(Integer::valueOf).toList();
            assertThatCode(() -> WellbeingScoring.score(instrument, items)).doesNotThrowAnyException();
            TimePoint.valueOf(m.get("time_point"));
            if (!m.get("ons_loneliness").isEmpty()) {
                assertThat(instrument).isEqualTo(Instrument.UCLA3);
                OnsLonelinessFrequency.valueOf(m.get("ons_loneliness"));
            }
        });
    }

    @Test
    void every_code_is_one_the_domain_knows() {
        assertThat(referrals).allSatisfy(r -> {
            ReferralSource.valueOf(r.get("source"));
            assertThat(LondonBorough.byGssCode(r.get("borough_gss_code"))).isPresent();
            assertThat(r.get("needs").split("\\|")).allSatisfy(code -> assertThat(Need.byCode(code)).isPresent());
            if (!r.get("outcome").isEmpty()) {
                ClosureOutcome.valueOf(r.get("outcome"));
            }
            assertThat(r.get("gp_practice")).matches("F\\d{5}");
            assertThat(r.get("pcn")).matches("U\\d{5}");
        });
        assertThat(attendances).allSatisfy(a -> AttendanceStatus.valueOf(a.get("status")));
        assertThat(people).allSatisfy(p -> {
            assertThat(p.get("sex")).isIn("F", "M", "O", "U");
            assertThat(p.get("ethnic_category")).matches("[A-HJ-NPRSZ]");
            assertThat(Integer.parseInt(p.get("imd_decile"))).isBetween(1, 10);
            assertThat(p.get("imd_edition")).isIn("IMD2019", "IoD2025");
        });
    }

    @Test
    void every_reference_points_at_a_row_of_the_right_file() {
        Set<String> personIds = people.stream().map(p -> p.get("person_id")).collect(Collectors.toSet());
        Set<String> activityIds = activities.stream().map(a -> a.get("activity_id")).collect(Collectors.toSet());
        Set<String> providerIds = providers.stream().map(p -> p.get("provider_id")).collect(Collectors.toSet());
        Set<String> survivors = people.stream().filter(p -> p.get("merged_into_person_id").isEmpty())
                .map(p -> p.get("person_id")).collect(Collectors.toSet());

        assertThat(referrals).allSatisfy(r -> assertThat(personIds).contains(r.get("person_id")));
        assertThat(people).allSatisfy(p -> {
            if (!p.get("merged_into_person_id").isEmpty()) {
                assertThat(survivors).contains(p.get("merged_into_person_id"));
            }
        });
        assertThat(activities).allSatisfy(a -> assertThat(providerIds).contains(a.get("provider_id")));
        assertThat(connections).allSatisfy(c -> {
            assertThat(referralById).containsKey(c.get("referral_id"));
            assertThat(activityIds).contains(c.get("activity_id"));
        });
        assertThat(attendances).allSatisfy(a -> assertThat(referralById).containsKey(a.get("referral_id")));
        assertThat(measures).allSatisfy(m -> assertThat(referralById).containsKey(m.get("referral_id")));
    }

    @Test
    void source_keys_are_unique_in_every_file() {
        for (ImportFile file : ImportFile.values()) {
            List<String> keys = GeneratedFiles.rows(out, file).stream().map(r -> r.get("source_key")).toList();
            assertThat(new HashSet<>(keys)).as(file.fileName()).hasSameSizeAs(keys);
        }
    }

    @Test
    void referral_dates_follow_the_journey_and_stop_at_the_last_day() {
        assertThat(referrals).allSatisfy(r -> {
            LocalDate referred = date(r.get("referred_on"));
            assertThat(referred).isBetween(Scale.DEMO.from(), LAST);
            LocalDate previous = referred;
            for (String column : List.of("accepted_on", "first_contact_on", "assessed_on", "closed_on")) {
                LocalDate value = date(r.get(column));
                if (value != null) {
                    assertThat(value).as(column).isAfterOrEqualTo(previous).isBeforeOrEqualTo(LAST);
                    previous = value;
                }
            }
            LocalDate declined = date(r.get("declined_on"));
            if (declined != null) {
                assertThat(declined).isAfterOrEqualTo(previous).isBeforeOrEqualTo(LAST);
                assertThat(r.get("closed_on")).isEmpty();
            }
            assertThat(r.get("outcome").isEmpty()).isEqualTo(r.get("closed_on").isEmpty());
            assertThat(r.get("link_worker_id").isEmpty()).isEqualTo(r.get("accepted_on").isEmpty());
            assertThat(r.get("contact_channel").isEmpty()).isEqualTo(r.get("first_contact_on").isEmpty());
            assertThat(r.get("declined_by").isEmpty()).isEqualTo(r.get("declined_on").isEmpty());
            assertThat(r.get("assessed_needs").isEmpty()).isEqualTo(r.get("assessed_on").isEmpty());
        });
    }

    @Test
    void connections_and_sessions_fall_between_assessment_and_closure() {
        Map<String, LocalDate> connectedOn = new HashMap<>();
        assertThat(connections).allSatisfy(c -> {
            Map<String, String> referral = referralById.get(c.get("referral_id"));
            LocalDate on = date(c.get("connected_on"));
            assertThat(on).isAfterOrEqualTo(date(referral.get("assessed_on"))).isBeforeOrEqualTo(LAST);
            closedAfter(referral, on);
            connectedOn.put(c.get("referral_id") + "/" + c.get("activity_id"), on);
        });
        assertThat(attendances).allSatisfy(a -> {
            LocalDate session = date(a.get("session_on"));
            LocalDate connected = connectedOn.get(a.get("referral_id") + "/" + a.get("activity_id"));
            assertThat(connected).as("attendance at a connected activity").isNotNull();
            assertThat(session).isAfter(connected).isBeforeOrEqualTo(LAST);
            closedAfter(referralById.get(a.get("referral_id")), session);
        });
    }

    @Test
    void follow_ups_come_after_their_baseline_and_no_later_than_closure() {
        Map<String, LocalDate> baselines = new HashMap<>();
        measures.stream().filter(m -> m.get("time_point").equals("BASELINE"))
                .forEach(m -> baselines.put(m.get("referral_id") + "/" + m.get("instrument"), date(m.get("measured_on"))));
        assertThat(measures).allSatisfy(m -> {
            Map<String, String> referral = referralById.get(m.get("referral_id"));
            LocalDate on = date(m.get("measured_on"));
            assertThat(on).isAfterOrEqualTo(date(referral.get("referred_on"))).isBeforeOrEqualTo(LAST);
            LocalDate closed = date(referral.get("closed_on"));
            if (closed != null) {
                assertThat(on).isBeforeOrEqualTo(closed);
            }
            if (m.get("time_point").equals("FOLLOW_UP")) {
                assertThat(on).isAfter(baselines.get(m.get("referral_id") + "/" + m.get("instrument")));
            }
        });
    }

    @Test
    void people_and_the_directory_are_dated_no_later_than_the_last_day() {
        assertThat(people).allSatisfy(p -> {
            LocalDate registered = date(p.get("registered_on"));
            assertThat(registered).isBeforeOrEqualTo(LAST);
            for (String column : List.of("merged_on", "erased_on")) {
                LocalDate value = date(p.get(column));
                if (value != null) {
                    assertThat(value).isAfterOrEqualTo(registered).isBeforeOrEqualTo(LAST);
                }
            }
            assertThat(p.get("merged_on").isEmpty()).isEqualTo(p.get("merged_into_person_id").isEmpty());
        });
        assertThat(providers).allSatisfy(p -> assertThat(date(p.get("registered_on"))).isBeforeOrEqualTo(LAST));
        assertThat(activities).allSatisfy(a -> assertThat(date(a.get("registered_on"))).isBeforeOrEqualTo(LAST));
    }

    private static void closedAfter(Map<String, String> referral, LocalDate date) {
        LocalDate closed = date(referral.get("closed_on"));
        if (closed != null) {
            assertThat(date).isBefore(closed);
        }
    }

    private static LocalDate date(String value) {
        return value == null || value.isEmpty() ? null : LocalDate.parse(value);
    }
}

package org.wayfinder.command.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfinder.command.history.generator.ImportFile;
import org.wayfinder.kernel.person.AgeBand;
import org.wayfinder.kernel.person.EncryptedIdentity;
import org.wayfinder.kernel.person.EthnicCategory;
import org.wayfinder.kernel.person.ErasePersonCommand;
import org.wayfinder.kernel.person.MergePersonCommand;
import org.wayfinder.kernel.person.PersonIdentity;
import org.wayfinder.kernel.person.RegisterPersonCommand;
import org.wayfinder.kernel.person.Sex;
import org.wayfinder.kernel.referral.AcceptReferralCommand;
import org.wayfinder.kernel.referral.CloseReferralCommand;
import org.wayfinder.kernel.referral.ClosureOutcome;
import org.wayfinder.kernel.referral.DeclineReferralCommand;
import org.wayfinder.kernel.referral.ReceiveReferralCommand;
import org.wayfinder.kernel.referral.RecordFirstContactCommand;
import org.wayfinder.kernel.referral.RecordWellbeingMeasureCommand;
import org.wayfinder.kernel.referral.ReferralSource;
import org.wayfinder.kernel.wellbeing.Instrument;

class HistoryRowsTest {

    private static final String REFERRAL = "11111111-2222-4333-8444-555555555555";
    private static final String PERSON = "66666666-7777-4888-9999-aaaaaaaaaaaa";
    private static final String SURVIVOR = "bbbbbbbb-cccc-4ddd-8eee-ffffffffffff";

    private final List<PersonIdentity> sealed = new ArrayList<>();
    private final IdentitySealing sealing = (personId, identity) -> {
        sealed.add(identity);
        return new EncryptedIdentity(personId, "test", "nonce", "ciphertext");
    };

    @Test
    void a_referral_row_becomes_its_receipt_then_its_steps_in_journey_order() {
        CsvRow row = referral(Map.of("accepted_on", "2024-03-04", "link_worker_id", "LW-7",
                "first_contact_on", "2024-03-04", "contact_channel", "TELEPHONE",
                "declined_on", "2024-03-04", "declined_by", "PERSON", "decline_reason", "NOT_WANTED"));

        List<Object> commands = HistoryRows.commands(ImportStage.REFERRALS, row, sealing);

        assertThat(commands).extracting(Object::getClass).containsExactly(ReceiveReferralCommand.class,
                AcceptReferralCommand.class, RecordFirstContactCommand.class, DeclineReferralCommand.class);
        ReceiveReferralCommand receipt = (ReceiveReferralCommand) commands.get(0);
        assertThat(receipt.referralId()).isEqualTo(REFERRAL);
        assertThat(receipt.source()).isEqualTo(ReferralSource.GP_PRACTICE);
        assertThat(receipt.needs()).containsExactly("loneliness-isolation", "debt-money");
        assertThat(((AcceptReferralCommand) commands.get(1)).linkWorkerId()).isEqualTo("LW-7");
    }

    @Test
    void a_closure_is_a_pass_of_its_own_with_its_own_key_and_only_for_closed_referrals() {
        CsvRow closed = referral(Map.of("closed_on", "2024-06-01", "outcome", "COMPLETED"));

        assertThat(HistoryRows.commands(ImportStage.REFERRALS, closed, sealing))
                .noneMatch(CloseReferralCommand.class::isInstance);
        assertThat(HistoryRows.commands(ImportStage.CLOSURES, closed, sealing)).singleElement()
                .isEqualTo(new CloseReferralCommand(REFERRAL, null, LocalDate.of(2024, 6, 1), ClosureOutcome.COMPLETED,
                        List.of(), null, null));
        assertThat(HistoryRows.hasWork(ImportStage.CLOSURES, referral(Map.of()))).isFalse();
        assertThat(HistoryRows.commands(ImportStage.CLOSURES, referral(Map.of()), sealing)).isEmpty();
        assertThat(ImportStage.CLOSURES.keyOf("s7-referral-1")).isEqualTo("s7-referral-1#closure");
        assertThat(ImportStage.REFERRALS.keyOf("s7-referral-1")).isEqualTo("s7-referral-1");
    }

    @Test
    void a_bad_value_is_refused_by_naming_its_column_never_the_value() {
        CsvRow row = referral(Map.of("referred_on", "2024-02-30"));

        assertThatThrownBy(() -> HistoryRows.commands(ImportStage.REFERRALS, row, sealing))
                .isInstanceOf(RowRejected.class)
                .hasMessage("Column 'referred_on' must be a date as YYYY-MM-DD.");
        assertThatThrownBy(() -> HistoryRows.commands(ImportStage.REFERRALS, referral(Map.of("source", "GP")), sealing))
                .hasMessageStartingWith("Column 'source' must be one of [GP_PRACTICE");
        assertThatThrownBy(() -> HistoryRows.commands(ImportStage.REFERRALS, referral(Map.of("referral_id", "r-1")),
                sealing)).hasMessage("Column 'referral_id' must be a UUID.");
    }

    @Test
    void a_person_is_registered_with_a_sealed_identity_and_refused_without_echoing_it() {
        RegisterPersonCommand command = (RegisterPersonCommand) HistoryRows.commands(ImportStage.PEOPLE,
                person(Map.of()), sealing).get(0);

        assertThat(command.personId()).isEqualTo(PERSON);
        assertThat(command.identity().keyId()).isEqualTo(PERSON);
        assertThat(command.sex()).isEqualTo(Sex.FEMALE);
        assertThat(command.ethnicCategory()).isEqualTo(EthnicCategory.OTHER_ANY_OTHER);
        assertThat(command.ageBand()).isEqualTo(AgeBand.AGE_75_84);
        assertThat(sealed).singleElement().satisfies(identity -> {
            assertThat(identity.nhsNumber().value()).isEqualTo("9993942529");
            assertThat(identity.postcode()).isEqualTo("SE9 8EA");
        });

        assertThatThrownBy(() -> HistoryRows.commands(ImportStage.PEOPLE, person(Map.of("nhs_number", "9993942528")),
                sealing)).hasMessage("Column 'nhs_number' must be 10 digits with a valid check digit.")
                .hasMessageNotContaining("999394");
        assertThatThrownBy(() -> HistoryRows.commands(ImportStage.PEOPLE, person(Map.of("postcode", "NOT A CODE")),
                sealing)).hasMessageNotContaining("NOT A CODE");
        assertThatThrownBy(() -> HistoryRows.commands(ImportStage.PEOPLE,
                person(Map.of("date_of_birth", "2020-01-01")), sealing))
                .hasMessage("Column 'date_of_birth' is after 'registered_on'.");
    }

    @Test
    void an_erased_person_is_registered_with_an_empty_identity_then_erased_in_the_last_pass() {
        Map<String, String> erased = new HashMap<>(Map.of("given_name", "", "family_name", "", "date_of_birth", "",
                "postcode", "", "nhs_number", "", "erased_on", "2021-06-01", "age_band", "85+"));
        CsvRow row = person(erased);

        RegisterPersonCommand registration = (RegisterPersonCommand) HistoryRows.commands(ImportStage.PEOPLE, row,
                sealing).get(0);

        assertThat(registration.ageBand()).isEqualTo(AgeBand.AGE_85_PLUS);
        assertThat(sealed).singleElement()
                .isEqualTo(new PersonIdentity(null, null, null, null, null, null, null));
        assertThat(HistoryRows.commands(ImportStage.ERASURES, row, sealing)).singleElement()
                .isInstanceOf(ErasePersonCommand.class);
        assertThat(HistoryRows.commands(ImportStage.MERGES, row, sealing)).isEmpty();
    }

    @Test
    void a_duplicate_person_is_merged_into_its_survivor() {
        CsvRow row = person(Map.of("merged_into_person_id", SURVIVOR, "merged_on", "2022-02-02"));

        assertThat(HistoryRows.commands(ImportStage.MERGES, row, sealing)).singleElement()
                .isEqualTo(new MergePersonCommand(PERSON, SURVIVOR, LocalDate.of(2022, 2, 2),
                        HistoryRows.MERGE_REASON, null));
        assertThat(ImportStage.MERGES.keyOf("p")).isNotEqualTo(ImportStage.ERASURES.keyOf("p"));
    }

    @Test
    void a_wellbeing_row_carries_its_item_responses_in_order() {
        CsvRow row = new CsvRow(ImportFile.WELLBEING, 2, Map.of("source_key", "w-1", "measure_id", SURVIVOR,
                "referral_id", REFERRAL, "instrument", "UCLA3", "time_point", "BASELINE", "measured_on", "2024-03-05",
                "item_responses", "1|2|3", "ons_loneliness", "SOME_OF_THE_TIME"));

        RecordWellbeingMeasureCommand command = (RecordWellbeingMeasureCommand) HistoryRows.commands(
                ImportStage.WELLBEING, row, sealing).get(0);

        assertThat(command.instrument()).isEqualTo(Instrument.UCLA3);
        assertThat(command.itemResponses()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> HistoryRows.commands(ImportStage.WELLBEING, new CsvRow(ImportFile.WELLBEING, 2,
                Map.of("source_key", "w-2", "measure_id", SURVIVOR, "referral_id", REFERRAL, "instrument", "UCLA3",
                        "time_point", "BASELINE", "measured_on", "2024-03-05", "item_responses", "1|x|3")), sealing))
                .hasMessage("Column 'item_responses' must be a whole number.");
    }

    @Test
    void a_row_without_a_source_key_is_refused() {
        Map<String, String> values = new HashMap<>(referral(Map.of()).values());
        values.remove("source_key");

        assertThatThrownBy(() -> HistoryRows.commands(ImportStage.REFERRALS, new CsvRow(ImportFile.REFERRALS, 9, values),
                sealing)).hasMessage("Column 'source_key' is required.");
    }

    private static CsvRow referral(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of("source_key", "s7-referral-1", "referral_id", REFERRAL,
                "person_id", PERSON, "referred_on", "2024-03-01", "source", "GP_PRACTICE",
                "gp_practice", "F84001", "borough_gss_code", "E09000030", "needs", "loneliness-isolation|debt-money",
                "urgency", "ROUTINE"));
        values.putAll(overrides);
        return new CsvRow(ImportFile.REFERRALS, 2, values);
    }

    private static CsvRow person(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.ofEntries(Map.entry("source_key", "s7-person-2"),
                Map.entry("person_id", PERSON), Map.entry("nhs_number", "9993942529"), Map.entry("given_name", "Ruth"),
                Map.entry("family_name", "Shah"), Map.entry("date_of_birth", "1938-12-16"),
                Map.entry("postcode", "se98ea"), Map.entry("sex", "F"), Map.entry("ethnic_category", "S"),
                Map.entry("imd_decile", "6"), Map.entry("imd_edition", "IMD2019"),
                Map.entry("borough_gss_code", "E09000011"), Map.entry("registered_on", "2019-02-21"),
                Map.entry("age_band", "75-84")));
        values.putAll(overrides);
        return new CsvRow(ImportFile.PEOPLE, 2, values);
    }
}

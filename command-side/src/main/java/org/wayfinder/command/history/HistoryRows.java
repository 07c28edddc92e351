package org.wayfinder.command.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wayfinder.command.person.IdentityFields;
import org.wayfinder.kernel.directory.ActivityLocation;
import org.wayfinder.kernel.directory.RegisterActivityCommand;
import org.wayfinder.kernel.directory.RegisterProviderCommand;
import org.wayfinder.kernel.person.AgeBand;
import org.wayfinder.kernel.person.ErasePersonCommand;
import org.wayfinder.kernel.person.EthnicCategory;
import org.wayfinder.kernel.person.MergePersonCommand;
import org.wayfinder.kernel.person.NhsNumber;
import org.wayfinder.kernel.person.PersonIdentity;
import org.wayfinder.kernel.person.RegisterPersonCommand;
import org.wayfinder.kernel.person.Sex;
import org.wayfinder.kernel.referral.AcceptReferralCommand;
import org.wayfinder.kernel.referral.AssessNeedsCommand;
import org.wayfinder.kernel.referral.AttendanceStatus;
import org.wayfinder.kernel.referral.CloseReferralCommand;
import org.wayfinder.kernel.referral.ClosureOutcome;
import org.wayfinder.kernel.referral.ConnectToActivityCommand;
import org.wayfinder.kernel.referral.ContactChannel;
import org.wayfinder.kernel.referral.DeclineReason;
import org.wayfinder.kernel.referral.DeclineReferralCommand;
import org.wayfinder.kernel.referral.DeclinedBy;
import org.wayfinder.kernel.referral.ReceiveReferralCommand;
import org.wayfinder.kernel.referral.RecordAttendanceCommand;
import org.wayfinder.kernel.referral.RecordFirstContactCommand;
import org.wayfinder.kernel.referral.RecordWellbeingMeasureCommand;
import org.wayfinder.kernel.referral.ReferralSource;
import org.wayfinder.kernel.referral.ReferralUrgency;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.OnsLonelinessFrequency;
import org.wayfinder.kernel.wellbeing.TimePoint;

/**
 * Turns one row of an import file into the commands the API would send for it, in the order they
 * must be sent. The aggregates still judge every command: this class only reads columns, so a date
 * in the future or a borough outside London is refused by the same rule that refuses it live.
 */
public final class HistoryRows {

    static final String MERGE_REASON = "Merged in the source system before import.";
    static final String ERASURE_REASON = "Erased in the source system before import.";

    private static final Map<String, Sex> SEXES = Map.of("F", Sex.FEMALE, "M", Sex.MALE, "O", Sex.OTHER,
            "U", Sex.NOT_KNOWN);
    private static final Map<String, AgeBand> AGE_BANDS = Map.of("18-24", AgeBand.AGE_18_24,
            "25-34", AgeBand.AGE_25_34, "35-44", AgeBand.AGE_35_44, "45-54", AgeBand.AGE_45_54,
            "55-64", AgeBand.AGE_55_64, "65-74", AgeBand.AGE_65_74, "75-84", AgeBand.AGE_75_84,
            "85+", AgeBand.AGE_85_PLUS);

    // Same-day steps of one referral follow the journey: accepted, first contact, declined, assessed.
    private static final List<Class<?>> JOURNEY = List.of(AcceptReferralCommand.class,
            RecordFirstContactCommand.class, DeclineReferralCommand.class, AssessNeedsCommand.class);

    private HistoryRows() {
    }

    /** Whether this pass has anything to do for the row: only some referrals close, some people merge. */
    public static boolean hasWork(ImportStage stage, CsvRow row) {
        return switch (stage) {
            case CLOSURES -> row.optional("closed_on").isPresent();
            case MERGES -> row.optional("merged_into_person_id").isPresent();
            case ERASURES -> row.optional("erased_on").isPresent();
            default -> true;
        };
    }

    /** The commands for this row in this pass; none when the pass has nothing to do for it. */
    public static List<Object> commands(ImportStage stage, CsvRow row, IdentitySealing sealing) {
        row.sourceKey();
        if (!hasWork(stage, row)) {
            return List.of();
        }
        return switch (stage) {
            case PEOPLE -> List.of(registration(row, sealing));
            case PROVIDERS -> List.of(provider(row));
            case ACTIVITIES -> List.of(activity(row));
            case REFERRALS -> receipt(row);
            case CONNECTIONS -> List.of(new ConnectToActivityCommand(row.requiredUuid("referral_id"), null,
                    row.requiredUuid("activity_id"), row.requiredDate("connected_on")));
            case ATTENDANCES -> List.of(new RecordAttendanceCommand(row.requiredUuid("referral_id"), null,
                    row.requiredUuid("attendance_id"), row.requiredUuid("activity_id"), row.requiredDate("session_on"),
                    required(row, "status", AttendanceStatus.class)));
            case WELLBEING -> List.of(new RecordWellbeingMeasureCommand(row.requiredUuid("referral_id"), null,
                    row.requiredUuid("measure_id"), required(row, "instrument", Instrument.class),
                    required(row, "time_point", TimePoint.class), row.requiredDate("measured_on"),
                    row.integers("item_responses"), row.code("ons_loneliness", OnsLonelinessFrequency.class)));
            case CLOSURES -> closure(row);
            case MERGES -> merge(row);
            case ERASURES -> erasure(row);
        };
    }

    static RegisterPersonCommand registration(CsvRow row, IdentitySealing sealing) {
        String personId = row.requiredUuid("person_id");
        LocalDate registeredOn = row.requiredDate("registered_on");
        Sex sex = row.mapped("sex", code -> Optional.ofNullable(SEXES.get(code)), "F, M, O or U");
        EthnicCategory ethnicCategory = row.mapped("ethnic_category", EthnicCategory::byCode,
                "an NHS ethnic category letter (A to S, or Z)");
        PersonIdentity identity = identity(row, registeredOn);
        AgeBand ageBand = identity.dateOfBirth() != null ? AgeBand.at(identity.dateOfBirth(), registeredOn)
                : row.mapped("age_band", band -> Optional.ofNullable(AGE_BANDS.get(band)), "an age band such as 35-44");
        return new RegisterPersonCommand(personId, registeredOn, sealing.seal(personId, identity), ageBand, sex,
                ethnicCategory, row.integer("imd_decile"), row.text("imd_edition"), row.text("borough_gss_code"));
    }

    /** Erased people keep no identity in the file; they are registered with an empty one and erased last. */
    private static PersonIdentity identity(CsvRow row, LocalDate registeredOn) {
        boolean erased = row.optional("erased_on").isPresent();
        LocalDate dateOfBirth = row.date("date_of_birth");
        String givenName = row.text("given_name");
        String familyName = row.text("family_name");
        if (!erased) {
            row.required("given_name");
            row.required("family_name");
            row.required("date_of_birth");
        }
        if (dateOfBirth != null && dateOfBirth.isAfter(registeredOn)) {
            throw new RowRejected("Column 'date_of_birth' is after 'registered_on'.");
        }
        NhsNumber nhsNumber = row.optional("nhs_number").map(value -> {
            if (!NhsNumber.isValid(value)) {
                throw new RowRejected("Column 'nhs_number' must be 10 digits with a valid check digit.");
            }
            return NhsNumber.parse(value);
        }).orElse(null);
        String postcode = row.optional("postcode").map(value -> {
            if (!value.matches(IdentityFields.POSTCODE_PATTERN)) {
                throw new RowRejected("Column 'postcode' must be a full UK postcode such as SE5 8AF.");
            }
            return IdentityFields.normalisedPostcode(value);
        }).orElse(null);
        return new PersonIdentity(nhsNumber, givenName, familyName, dateOfBirth, postcode, null, null);
    }

    static RegisterProviderCommand provider(CsvRow row) {
        return new RegisterProviderCommand(row.requiredUuid("provider_id"), row.required("name"), null, null, null,
                null, null, row.list("boroughs_served"), row.requiredDate("registered_on"));
    }

    static RegisterActivityCommand activity(CsvRow row) {
        Integer capacity = row.integer("capacity_per_session");
        if (capacity == null) {
            throw new RowRejected("Column 'capacity_per_session' is required.");
        }
        return new RegisterActivityCommand(row.requiredUuid("activity_id"), row.requiredUuid("provider_id"),
                row.required("name"), null, List.of(row.required("taxonomy")),
                new ActivityLocation(null, null, null, row.required("venue_borough_gss_code")),
                row.required("schedule"), capacity, row.requiredDate("registered_on"));
    }

    /** Receipt and every step up to assessment: one row, one transaction, so a referral lands whole. */
    static List<Object> receipt(CsvRow row) {
        String referralId = row.requiredUuid("referral_id");
        List<Object> commands = new ArrayList<>();
        commands.add(new ReceiveReferralCommand(referralId, row.requiredUuid("person_id"),
                row.requiredDate("referred_on"), required(row, "source", ReferralSource.class),
                row.text("referrer_organisation"), row.text("gp_practice"), row.text("pcn"),
                row.required("borough_gss_code"), row.list("needs"), row.code("urgency", ReferralUrgency.class)));
        List<Dated> steps = new ArrayList<>();
        LocalDate acceptedOn = row.date("accepted_on");
        if (acceptedOn != null) {
            steps.add(new Dated(acceptedOn, new AcceptReferralCommand(referralId, null,
                    row.required("link_worker_id"), acceptedOn)));
        }
        LocalDate contactedOn = row.date("first_contact_on");
        if (contactedOn != null) {
            steps.add(new Dated(contactedOn, new RecordFirstContactCommand(referralId, null, contactedOn,
                    required(row, "contact_channel", ContactChannel.class))));
        }
        LocalDate declinedOn = row.date("declined_on");
        if (declinedOn != null) {
            steps.add(new Dated(declinedOn, new DeclineReferralCommand(referralId, null,
                    required(row, "declined_by", DeclinedBy.class), required(row, "decline_reason", DeclineReason.class),
                    null, declinedOn)));
        }
        LocalDate assessedOn = row.date("assessed_on");
        if (assessedOn != null) {
            steps.add(new Dated(assessedOn, new AssessNeedsCommand(referralId, null, assessedOn,
                    row.list("assessed_needs"), null, null)));
        }
        steps.sort(Comparator.comparing(Dated::on).thenComparing(step -> JOURNEY.indexOf(step.command().getClass())));
        steps.forEach(step -> commands.add(step.command()));
        return commands;
    }

    static List<Object> closure(CsvRow row) {
        LocalDate closedOn = row.date("closed_on");
        if (closedOn == null) {
            return List.of();
        }
        return List.of(new CloseReferralCommand(row.requiredUuid("referral_id"), null, closedOn,
                required(row, "outcome", ClosureOutcome.class), List.of(), null, null));
    }

    static List<Object> merge(CsvRow row) {
        String survivorId = row.uuid("merged_into_person_id");
        if (survivorId == null) {
            return List.of();
        }
        return List.of(new MergePersonCommand(row.requiredUuid("person_id"), survivorId, row.requiredDate("merged_on"),
                MERGE_REASON, null));
    }

    static List<Object> erasure(CsvRow row) {
        LocalDate erasedOn = row.date("erased_on");
        if (erasedOn == null) {
            return List.of();
        }
        return List.of(new ErasePersonCommand(row.requiredUuid("person_id"), erasedOn, ERASURE_REASON, null));
    }

    private static <E extends Enum<E>> E required(CsvRow row, String column, Class<E> type) {
        row.required(column);
        return row.code(column, type);
    }

    private record Dated(LocalDate on, Object command) {
    }
}

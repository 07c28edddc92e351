package org.wayfinder.command.person;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.wayfinder.kernel.person.AgeBand;
import org.wayfinder.kernel.person.ChangePersonIdentityCommand;
import org.wayfinder.kernel.person.ConsentRecorded;
import org.wayfinder.kernel.person.ConsentScope;
import org.wayfinder.kernel.person.EncryptedIdentity;
import org.wayfinder.kernel.person.ErasePersonCommand;
import org.wayfinder.kernel.person.EthnicCategory;
import org.wayfinder.kernel.person.MergePersonCommand;
import org.wayfinder.kernel.person.PersonErased;
import org.wayfinder.kernel.person.PersonMergedInto;
import org.wayfinder.kernel.person.PersonRegistered;
import org.wayfinder.kernel.person.RecordConsentCommand;
import org.wayfinder.kernel.person.RecordPersonDemographicsCommand;
import org.wayfinder.kernel.person.RegisterPersonCommand;
import org.wayfinder.kernel.person.Sex;
import org.wayfinder.kernel.person.WithdrawConsentCommand;

final class PersonFixtures {

    static final String PERSON_ID = "5a1e2d3c-4b5a-4697-8877-665544332211";
    static final String SURVIVOR_ID = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    static final String OTHER_ID = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final LocalDate REGISTERED_ON = TODAY.minusDays(30);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneId.of("Europe/London"));
    static final EncryptedIdentity IDENTITY = new EncryptedIdentity(PERSON_ID, "AES-256-GCM",
            "AAECAwQFBgcICQoL", "c2VhbGVkLWlkZW50aXR5LWZvci10ZXN0cy1vbmx5");
    static final EncryptedIdentity NEW_IDENTITY = new EncryptedIdentity(PERSON_ID, "AES-256-GCM",
            "DA0ODxAREhMUFRYX", "YW5vdGhlci1zZWFsZWQtaWRlbnRpdHk=");

    private PersonFixtures() {
    }

    static RegisterPersonCommand registerPerson() {
        return registerPerson(PERSON_ID, REGISTERED_ON, 2, "IMD2019", "E09000022");
    }

    static RegisterPersonCommand registerPerson(String personId, LocalDate on, Integer imdDecile, String imdEdition,
                                                String borough) {
        return new RegisterPersonCommand(personId, on, IDENTITY, AgeBand.AGE_65_74, Sex.FEMALE,
                EthnicCategory.BLACK_CARIBBEAN, imdDecile, imdEdition, borough);
    }

    static PersonRegistered aPersonRegistered() {
        return aPersonRegistered(PERSON_ID);
    }

    static PersonRegistered aPersonRegistered(String personId) {
        return new PersonRegistered(personId, REGISTERED_ON, IDENTITY, AgeBand.AGE_65_74, Sex.FEMALE,
                EthnicCategory.BLACK_CARIBBEAN, 2, "IMD2019", "E09000022");
    }

    static ChangePersonIdentityCommand changeIdentity(LocalDate on) {
        return new ChangePersonIdentityCommand(PERSON_ID, on, NEW_IDENTITY, AgeBand.AGE_75_84, null);
    }

    static RecordPersonDemographicsCommand recordDemographics(Integer imdDecile, String imdEdition, String borough) {
        return new RecordPersonDemographicsCommand(PERSON_ID, TODAY, Sex.NOT_STATED, EthnicCategory.NOT_STATED,
                imdDecile, imdEdition, borough, null);
    }

    static RecordConsentCommand recordConsent(ConsentScope scope) {
        return new RecordConsentCommand(PERSON_ID, scope, TODAY, null);
    }

    static ConsentRecorded aConsentRecorded(ConsentScope scope) {
        return new ConsentRecorded(PERSON_ID, scope, REGISTERED_ON);
    }

    static WithdrawConsentCommand withdrawConsent(ConsentScope scope) {
        return new WithdrawConsentCommand(PERSON_ID, scope, TODAY, null);
    }

    static MergePersonCommand mergeInto(String survivorId) {
        return new MergePersonCommand(PERSON_ID, survivorId, TODAY, "duplicate registration", null);
    }

    static PersonMergedInto aPersonMergedInto(String survivorId) {
        return new PersonMergedInto(PERSON_ID, survivorId, TODAY, "duplicate registration");
    }

    static ErasePersonCommand erasePerson() {
        return new ErasePersonCommand(PERSON_ID, TODAY, "erasure request", null);
    }

    static PersonErased aPersonErased() {
        return new PersonErased(PERSON_ID, TODAY, "erasure request");
    }
}

package org.wayfinder.kernel.person;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wayfinder.kernel.serialization.EventFormat;

/** Approval tests of the stored JSON of person events: a failure here means the stored format changed. */
class PersonEventFormatTest {

    static final String PERSON_ID = "5a1e2d3c-4b5a-4697-8877-665544332211";
    static final String SURVIVOR_ID = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    static final EncryptedIdentity IDENTITY = new EncryptedIdentity(PERSON_ID, "AES-256-GCM",
            "AAECAwQFBgcICQoL", "c2VhbGVkLWlkZW50aXR5LWZvci10ZXN0cy1vbmx5");

    private final ObjectMapper mapper = EventFormat.objectMapper();

    static Stream<PersonEvent> approvedEvents() {
        return Stream.of(
                new PersonRegistered(PERSON_ID, LocalDate.of(2024, 3, 14), IDENTITY, AgeBand.AGE_65_74, Sex.FEMALE,
                        EthnicCategory.BLACK_CARIBBEAN, 2, "IMD2019", "E09000022"),
                new PersonIdentityChanged(PERSON_ID, LocalDate.of(2024, 5, 2), IDENTITY, AgeBand.AGE_75_84),
                new PersonDemographicsRecorded(PERSON_ID, LocalDate.of(2025, 11, 3), Sex.NOT_STATED,
                        EthnicCategory.NOT_STATED, 3, "IoD2025", "E09000023"),
                new ConsentRecorded(PERSON_ID, ConsentScope.SHARE_WITH_GP, LocalDate.of(2024, 3, 14)),
                new ConsentWithdrawn(PERSON_ID, ConsentScope.EVALUATION, LocalDate.of(2024, 9, 30)),
                new PersonMergedInto(PERSON_ID, SURVIVOR_ID, LocalDate.of(2024, 6, 1), "duplicate registration"),
                new PersonErased(PERSON_ID, LocalDate.of(2025, 1, 20), "erasure request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("approvedEvents")
    void each_person_event_is_stored_in_the_approved_format(PersonEvent event) throws IOException {
        JsonNode written = mapper.readTree(mapper.writeValueAsBytes(event));
        assertThat(written).isEqualTo(approved(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("approvedEvents")
    void each_person_event_reads_back_from_the_approved_format(PersonEvent event) throws IOException {
        try (InputStream json = resource(event)) {
            assertThat(mapper.readValue(json, event.getClass())).isEqualTo(event);
        }
    }

    private JsonNode approved(PersonEvent event) throws IOException {
        try (InputStream json = resource(event)) {
            return mapper.readTree(json);
        }
    }

    private static InputStream resource(PersonEvent event) {
        String path = "events/person/" + event.getClass().getSimpleName() + ".json";
        InputStream stream = PersonEventFormatTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(stream).as("approved JSON %s", path).isNotNull();
        return stream;
    }
}

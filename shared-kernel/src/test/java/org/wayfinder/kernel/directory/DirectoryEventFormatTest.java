package org.wayfinder.kernel.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.serialization.EventFormat;

/** Approval tests of the stored JSON of directory events: a failure here means the stored format changed. */
class DirectoryEventFormatTest {

    static final String PROVIDER_ID = "3f6c1d2e-8a7b-4c5d-9e0f-1a2b3c4d5e6f";
    static final String ACTIVITY_ID = "7e8d9c0b-1a2f-4e3d-8c7b-6a5f4e3d2c1b";
    static final ActivityLocation MARSHES =
            new ActivityLocation("Hackney Marshes Centre", "Homerton Road", "E9 5PF", "E09000012");

    private final ObjectMapper mapper = EventFormat.objectMapper();

    static ProviderRegistered approvedProviderRegistered() {
        return new ProviderRegistered(PROVIDER_ID, "Grow Together Hackney",
                "Community gardening and walking groups for older people in east London.",
                "1123456", "8JK21", "https://growtogether.org.uk", "hello@growtogether.org.uk",
                List.of("E09000012", "E09000030"), LocalDate.of(2024, 2, 1));
    }

    static ProviderDetailsChanged approvedProviderDetailsChanged() {
        return new ProviderDetailsChanged(PROVIDER_ID, "Grow Together",
                "Community gardening for older people in Hackney.",
                null, null, "https://growtogether.org.uk", null,
                List.of("E09000012"), LocalDate.of(2024, 9, 30));
    }

    static ProviderRetired approvedProviderRetired() {
        return new ProviderRetired(PROVIDER_ID, LocalDate.of(2025, 3, 31), "Merged into Hackney Community Gardens.");
    }

    static ActivityRegistered approvedActivityRegistered() {
        return new ActivityRegistered(ACTIVITY_ID, PROVIDER_ID, "Tuesday walk and talk",
                "A gentle hour's walk round the marshes, then tea.",
                List.of("openactive:walking", "lga:social-activities"), MARSHES,
                "FREQ=WEEKLY;BYDAY=TU", 12, LocalDate.of(2024, 2, 5));
    }

    static ActivityDetailsChanged approvedActivityDetailsChanged() {
        return new ActivityDetailsChanged(ACTIVITY_ID, "Walk and talk",
                "A gentle hour's walk round the marshes, then tea.",
                List.of("openactive:walking"), MARSHES, null, 15, LocalDate.of(2024, 6, 3));
    }

    static ActivityRetired approvedActivityRetired() {
        return new ActivityRetired(ACTIVITY_ID, LocalDate.of(2025, 1, 10), "Funding ended.");
    }

    @Test
    void provider_registered_is_stored_in_the_approved_format() throws IOException {
        assertStoredAsApproved(approvedProviderRegistered(), "ProviderRegistered");
    }

    @Test
    void provider_details_changed_is_stored_in_the_approved_format() throws IOException {
        assertStoredAsApproved(approvedProviderDetailsChanged(), "ProviderDetailsChanged");
    }

    @Test
    void provider_retired_is_stored_in_the_approved_format() throws IOException {
        assertStoredAsApproved(approvedProviderRetired(), "ProviderRetired");
    }

    @Test
    void activity_registered_is_stored_in_the_approved_format() throws IOException {
        assertStoredAsApproved(approvedActivityRegistered(), "ActivityRegistered");
    }

    @Test
    void activity_details_changed_is_stored_in_the_approved_format() throws IOException {
        assertStoredAsApproved(approvedActivityDetailsChanged(), "ActivityDetailsChanged");
    }

    @Test
    void activity_retired_is_stored_in_the_approved_format() throws IOException {
        assertStoredAsApproved(approvedActivityRetired(), "ActivityRetired");
    }

    @Test
    void provider_registered_written_without_optional_fields_still_reads() throws IOException {
        String minimal = """
                {"providerId":"3f6c1d2e-8a7b-4c5d-9e0f-1a2b3c4d5e6f","name":"Grow Together",
                 "description":"Gardening.","boroughsServed":["E09000012"],"registeredOn":"2024-02-01"}
                """;
        ProviderRegistered event = mapper.readValue(minimal, ProviderRegistered.class);
        assertThat(event.charityNumber()).isNull();
        assertThat(event.odsCode()).isNull();
        assertThat(event.website()).isNull();
        assertThat(event.email()).isNull();
        assertThat(event.boroughsServed()).containsExactly("E09000012");
    }

    @Test
    void activity_registered_written_without_optional_fields_still_reads() throws IOException {
        String minimal = """
                {"activityId":"7e8d9c0b-1a2f-4e3d-8c7b-6a5f4e3d2c1b","providerId":"3f6c1d2e-8a7b-4c5d-9e0f-1a2b3c4d5e6f",
                 "name":"Walk","description":"A walk.","capacityPerSession":8,"registeredOn":"2024-02-05",
                 "location":{"name":"Hackney Marshes Centre","boroughGssCode":"E09000012"}}
                """;
        ActivityRegistered event = mapper.readValue(minimal, ActivityRegistered.class);
        assertThat(event.schedule()).isNull();
        assertThat(event.taxonomy()).isEmpty();
        assertThat(event.location().postcode()).isNull();
    }

    private void assertStoredAsApproved(DirectoryEvent event, String name) throws IOException {
        String path = "events/directory/" + name + ".json";
        JsonNode written = mapper.readTree(mapper.writeValueAsBytes(event));
        assertThat(written).as("written %s", name).isEqualTo(approved(path));
        try (InputStream json = resource(path)) {
            assertThat(mapper.readValue(json, event.getClass())).as("read back %s", name).isEqualTo(event);
        }
    }

    private JsonNode approved(String path) throws IOException {
        try (InputStream json = resource(path)) {
            return mapper.readTree(json);
        }
    }

    private static InputStream resource(String path) {
        InputStream stream = DirectoryEventFormatTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(stream).as("approved JSON %s", path).isNotNull();
        return stream;
    }
}

package org.wayfinder.kernel.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.serialization.EventFormat;

/** Approval tests of the stored JSON of referral events: a failure here means the stored format changed. */
class ReferralEventFormatTest {

    private final ObjectMapper mapper = EventFormat.objectMapper();

    static ReferralReceived approvedReferralReceived() {
        return new ReferralReceived(
                "0b8c6a5e-3f1d-4e8a-9c2b-7d4e5f6a7b8c",
                "5a1e2d3c-4b5a-4697-8877-665544332211",
                LocalDate.of(2024, 3, 14),
                ReferralSource.GP_PRACTICE,
                "F83004",
                "F83004",
                "U12345",
                "E09000007",
                List.of("loneliness-isolation", "debt-money"),
                ReferralUrgency.ROUTINE);
    }

    @Test
    void referral_received_is_stored_in_the_approved_format() throws IOException {
        JsonNode written = mapper.readTree(mapper.writeValueAsBytes(approvedReferralReceived()));
        assertThat(written).isEqualTo(approved("events/referral/ReferralReceived.json"));
    }

    @Test
    void referral_received_reads_back_from_the_approved_format() throws IOException {
        try (InputStream json = resource("events/referral/ReferralReceived.json")) {
            assertThat(mapper.readValue(json, ReferralReceived.class)).isEqualTo(approvedReferralReceived());
        }
    }

    @Test
    void referral_received_written_without_optional_fields_still_reads() throws IOException {
        String minimal = """
                {"referralId":"0b8c6a5e-3f1d-4e8a-9c2b-7d4e5f6a7b8c","personId":"5a1e2d3c-4b5a-4697-8877-665544332211",
                 "referredOn":"2024-03-14","source":"SELF_REFERRAL","boroughGssCode":"E09000001"}
                """;
        ReferralReceived event = mapper.readValue(minimal, ReferralReceived.class);
        assertThat(event.needs()).isEmpty();
        assertThat(event.urgency()).isNull();
        assertThat(event.source()).isEqualTo(ReferralSource.SELF_REFERRAL);
    }

    private JsonNode approved(String path) throws IOException {
        try (InputStream json = resource(path)) {
            return mapper.readTree(json);
        }
    }

    private static InputStream resource(String path) {
        InputStream stream = ReferralEventFormatTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(stream).as("approved JSON %s", path).isNotNull();
        return stream;
    }
}

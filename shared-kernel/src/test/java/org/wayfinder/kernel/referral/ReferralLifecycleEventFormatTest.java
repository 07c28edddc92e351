package org.wayfinder.kernel.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wayfinder.kernel.serialization.EventFormat;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.OnsLonelinessFrequency;
import org.wayfinder.kernel.wellbeing.TimePoint;

/**
 * Approval tests of the stored JSON of every referral lifecycle event (fixed ids and dates). A failure
 * means the stored format changed: add a revision and an upcaster instead. To approve a NEW event's
 * format once, run with {@code -Dwayfinder.approve=true}, review the written file and commit it.
 */
class ReferralLifecycleEventFormatTest {

    private static final String REFERRAL = "0b8c6a5e-3f1d-4e8a-9c2b-7d4e5f6a7b8c";
    private static final String ACTIVITY = "a1a1a1a1-b2b2-4c3c-8d4d-e5e5e5e5e5e5";
    private static final String PROVIDER = "c0c0c0c0-1111-4222-8333-444444444444";
    private static final String ATTENDANCE = "d1d1d1d1-2222-4333-8444-555555555555";
    private static final String MEASURE = "e1e1e1e1-2222-4333-8444-555555555555";
    private static final LocalDate DAY = LocalDate.of(2024, 3, 20);

    private final ObjectMapper mapper = EventFormat.objectMapper();

    static Stream<ReferralEvent> events() {
        return Stream.of(
                new ReferralAccepted(REFERRAL, "lw-042", DAY, ReferralCodes.SNOMED_REFERRAL_TO_SOCIAL_PRESCRIBING),
                new ReferralDeclined(REFERRAL, DeclinedBy.PERSON, DeclineReason.NOT_WANTED, "Prefers not to",
                        DAY, ReferralCodes.SNOMED_SOCIAL_PRESCRIBING_DECLINED),
                new FirstContactMade(REFERRAL, DAY, ContactChannel.TELEPHONE),
                new NeedsAssessed(REFERRAL, DAY, List.of("housing", "debt-money"), "Staying in my flat",
                        List.of("Meet the housing officer")),
                new ConnectedToActivity(REFERRAL, ACTIVITY, PROVIDER, DAY),
                new AttendanceRecorded(REFERRAL, ATTENDANCE, ACTIVITY, DAY, AttendanceStatus.DID_NOT_ATTEND),
                new AttendanceCorrected(REFERRAL, ATTENDANCE, DAY, AttendanceStatus.ATTENDED, "Register was wrong",
                        DAY.plusDays(2)),
                new AttendanceVoided(REFERRAL, ATTENDANCE, "Recorded on the wrong referral", DAY.plusDays(2)),
                new WellbeingMeasured(REFERRAL, MEASURE, Instrument.UCLA3, Instrument.UCLA3.version(),
                        TimePoint.FOLLOW_UP, DAY, 56, List.of(2, 3, 2), OnsLonelinessFrequency.SOME_OF_THE_TIME),
                new WellbeingMeasureCorrected(REFERRAL, MEASURE, List.of(2, 2, 2), OnsLonelinessFrequency.OCCASIONALLY,
                        "Transcription error", DAY.plusDays(1)),
                new WellbeingMeasureVoided(REFERRAL, MEASURE, "Wrong person", DAY.plusDays(1)),
                new ReferralClosed(REFERRAL, DAY, ClosureOutcome.COMPLETED, List.of("loneliness-isolation"),
                        List.of(ACTIVITY), "Joined a walking group; attends weekly.", "Review at next appointment"),
                new ReferralReopened(REFERRAL, DAY, "Closed by mistake"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void the_event_is_stored_in_its_approved_format(ReferralEvent event) throws IOException {
        String file = "events/referral/" + event.getClass().getSimpleName() + ".json";
        JsonNode written = mapper.readTree(mapper.writeValueAsBytes(event));
        if (Boolean.getBoolean("wayfinder.approve")) {
            Path target = Path.of("src/test/resources", file);
            Files.createDirectories(target.getParent());
            Files.writeString(target, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(written) + "\n");
        }
        try (InputStream approved = getClass().getClassLoader().getResourceAsStream(file)) {
            assertThat(approved).as("approved JSON %s", file).isNotNull();
            JsonNode expected = mapper.readTree(approved);
            assertThat(written).isEqualTo(expected);
            assertThat(mapper.treeToValue(expected, event.getClass())).isEqualTo(event);
        }
    }
}

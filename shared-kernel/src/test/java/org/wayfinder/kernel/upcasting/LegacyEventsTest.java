package org.wayfinder.kernel.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wayfinder.kernel.referral.AttendanceCorrected;
import org.wayfinder.kernel.referral.AttendanceStatus;
import org.wayfinder.kernel.referral.AttendanceVoided;
import org.wayfinder.kernel.referral.WellbeingMeasureCorrected;
import org.wayfinder.kernel.referral.WellbeingMeasureVoided;
import org.wayfinder.kernel.serialization.EventFormat;
import org.wayfinder.kernel.wellbeing.OnsLonelinessFrequency;

/**
 * Events as earlier versions stored them still load as today's events. {@code events/legacy/} keeps the
 * JSON the first lifecycle release wrote for the corrections and voidings (revision null, no business
 * date); through {@link BusinessDateUpcaster} they load at revision 2, dated by the day they were recorded.
 */
class LegacyEventsTest {

    private static final String REFERRAL = "0b8c6a5e-3f1d-4e8a-9c2b-7d4e5f6a7b8c";
    private static final String ATTENDANCE = "d1d1d1d1-2222-4333-8444-555555555555";
    private static final String MEASURE = "e1e1e1e1-2222-4333-8444-555555555555";
    /** 00:30 on 1 July 2024 in London (BST), while it is still 30 June in UTC: the day is London's. */
    private static final Instant RECORDED = Instant.parse("2024-06-30T23:30:00Z");
    private static final LocalDate RECORDED_ON = LocalDate.of(2024, 7, 1);

    private final Serializer serializer = JacksonSerializer.builder().objectMapper(EventFormat.objectMapper()).build();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new BusinessDateUpcaster());

    static Stream<Arguments> legacyEvents() {
        return Stream.of(
                Arguments.of(AttendanceCorrected.class, new AttendanceCorrected(REFERRAL, ATTENDANCE,
                        LocalDate.of(2024, 3, 20), AttendanceStatus.ATTENDED, "Register was wrong", RECORDED_ON)),
                Arguments.of(AttendanceVoided.class, new AttendanceVoided(REFERRAL, ATTENDANCE,
                        "Recorded on the wrong referral", RECORDED_ON)),
                Arguments.of(WellbeingMeasureCorrected.class, new WellbeingMeasureCorrected(REFERRAL, MEASURE,
                        List.of(2, 2, 2), OnsLonelinessFrequency.OCCASIONALLY, "Transcription error", RECORDED_ON)),
                Arguments.of(WellbeingMeasureVoided.class, new WellbeingMeasureVoided(REFERRAL, MEASURE,
                        "Wrong person", RECORDED_ON)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacyEvents")
    void an_event_stored_without_its_business_date_loads_dated_by_its_recording_day(Class<?> type, Object expected)
            throws IOException {
        IntermediateEventRepresentation upcast = load(type, null, json("events/legacy/referral/", type));

        assertThat(upcast.getType().getRevision()).isEqualTo(BusinessDateUpcaster.REVISION)
                .isEqualTo(type.getAnnotation(Revision.class).value());
        assertThat((Object) serializer.deserialize(upcast.getData())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacyEvents")
    void an_event_stored_with_its_date_before_the_revision_keeps_it(Class<?> type, Object ignored) throws IOException {
        byte[] current = json("events/referral/", type);
        Object asApproved = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                current, byte[].class, type.getName(), null));

        Object upcast = serializer.deserialize(load(type, null, current).getData());

        assertThat(upcast).isEqualTo(asApproved);
    }

    @Test
    void revision_2_passes_through_untouched() throws IOException {
        byte[] current = json("events/referral/", AttendanceVoided.class);
        IntermediateEventRepresentation loaded = load(AttendanceVoided.class, "2", current);

        assertThat(loaded.getType().getRevision()).isEqualTo("2");
        assertThat(((AttendanceVoided) serializer.deserialize(loaded.getData())).voidedOn())
                .isEqualTo(LocalDate.of(2024, 3, 22));
    }

    private IntermediateEventRepresentation load(Class<?> type, String revision, byte[] payload) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Referral", REFERRAL, 3,
                "f0f0f0f0-0000-4000-8000-000000000000", RECORDED, type.getName(), revision, payload,
                "{}".getBytes());
        return upcasters.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).findFirst()
                .orElseThrow();
    }

    private static byte[] json(String folder, Class<?> type) throws IOException {
        String resource = folder + type.getSimpleName() + ".json";
        try (InputStream in = LegacyEventsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    static Path legacyFolder() {
        return Path.of("src/test/resources/events/legacy");
    }

    @Test
    void every_legacy_fixture_has_a_test() throws IOException {
        try (Stream<Path> files = Files.walk(legacyFolder())) {
            assertThat(files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(legacyEvents()
                            .map(arguments -> ((Class<?>) arguments.get()[0]).getSimpleName() + ".json").toList());
        }
    }
}

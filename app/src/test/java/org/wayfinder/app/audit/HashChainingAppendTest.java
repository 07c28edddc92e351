package org.wayfinder.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.serialization.EventFormat;
import org.wayfinder.kernel.audit.EventHash;
import org.wayfinder.kernel.referral.ReferralAccepted;

/**
 * The stored row of an event is byte for byte what the appender wrote before metadata was serialised only
 * once: the previous way is kept here as the reference.
 */
class HashChainingAppendTest {

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(EventFormat.objectMapper())
            .revisionResolver(new AnnotationRevisionResolver())
            .build();

    @Test
    void rows_are_the_bytes_and_hashes_the_previous_appender_wrote() {
        Map<String, Object> importMetaData = new LinkedHashMap<>();
        importMetaData.put("source", "import:5f0c1d9e-3f57-4c43-9d1a-0a4b1f6c2e11");
        importMetaData.put("actorId", "importer-admin");
        importMetaData.put("actorRole", "ADMIN");
        importMetaData.put("organisation", "QIMP");
        importMetaData.put("correlationId", "5f0c1d9e-3f57-4c43-9d1a-0a4b1f6c2e11");
        importMetaData.put("traceId", "5f0c1d9e-3f57-4c43-9d1a-0a4b1f6c2e11");
        importMetaData.put("causationId", "0d6f0a8e-7b49-4a55-8d4a-2c1f4f3d5b77");
        importMetaData.put("note", "quotes \" and \\ and ünïcödé \u2028 and a tab\t");
        Map<String, Object> withHash = new LinkedHashMap<>(importMetaData);
        withHash.put(EventHash.METADATA_KEY, "stale");
        Map<String, Object> mixed = new LinkedHashMap<>(importMetaData);
        mixed.put("attempt", 3);
        mixed.put("nested", Map.of("b", "2", "a", List.of("x", "y")));
        Map<String, Object> withNull = new LinkedHashMap<>(importMetaData);
        withNull.put("empty", null);

        for (Map<String, Object> metaData : List.of(Map.<String, Object>of(), importMetaData, withHash, mixed, withNull)) {
            String previous = "";
            for (long sequence = 0; sequence < 3; sequence++) {
                DomainEventMessage<?> event = new GenericDomainEventMessage<>("Referral",
                        "4b9f1a52-0c1e-4a3b-9d7e-52c1a9e0f6a1", sequence,
                        new ReferralAccepted("4b9f1a52-0c1e-4a3b-9d7e-52c1a9e0f6a1", "lw-1", LocalDate.of(2019, 3, 4),
                                "871731000000106"), MetaData.from(metaData), "e-" + sequence + "-" + metaData.size(),
                        Instant.parse("2026-11-25T09:00:00.123456Z"));

                HashChainingAppend.Row row = HashChainingAppend.row(event, previous, serializer, byte[].class);
                Reference reference = reference(event, previous);

                assertThat(row.hash()).as("hash of %s", metaData).isEqualTo(reference.hash());
                assertThat((byte[]) row.metaData()).as("metadata of %s", metaData).isEqualTo(reference.metaData());
                assertThat((byte[]) row.payload()).isEqualTo(reference.payload());
                assertThat(row.timestamp()).isEqualTo(reference.timestamp());
                assertThat(EventHash.link(new EventHash.StoredEvent(event.getAggregateIdentifier(), sequence,
                        event.getIdentifier(), row.payloadType(), row.payloadRevision(), row.timestamp(),
                        (byte[]) row.payload(), (byte[]) row.metaData()), previous).intact()).isTrue();
                previous = row.hash();
            }
        }
    }

    private record Reference(String timestamp, byte[] payload, byte[] metaData, String hash) {
    }

    /** The appender as it was: metadata serialised without its hash, parsed for the hash, serialised again. */
    private Reference reference(DomainEventMessage<?> event, String previous) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
        MetaData withoutHash = event.getMetaData().withoutKeys(Set.of(EventHash.METADATA_KEY));
        byte[] metaDataWithoutHash = serializer.serialize(withoutHash, byte[].class).getData();
        String hash = EventHash.of(new EventHash.StoredEvent(event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getIdentifier(), payload.getType().getName(), payload.getType().getRevision(), timestamp,
                payload.getData(), metaDataWithoutHash), previous);
        byte[] metaData = serializer.serialize(withoutHash.and(EventHash.METADATA_KEY, hash), byte[].class).getData();
        return new Reference(timestamp, payload.getData(), metaData, hash);
    }
}

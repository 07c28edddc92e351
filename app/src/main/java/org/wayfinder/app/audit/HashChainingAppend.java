package org.wayfinder.app.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.wayfinder.kernel.audit.EventHash;

/**
 * The one place events get their {@code hash}: the statement that inserts them. Hashing here, rather
 * than in a wrapper around the engine, means the bytes hashed are the very bytes bound to the insert,
 * and the previous hashes are read on the same connection, inside the appending transaction, with one
 * query per batch.
 * <p>
 * Events that are not domain events are stored by Axon as one-event streams (aggregate id = event id,
 * sequence 0), so they chain from "" like any first event.
 */
public final class HashChainingAppend implements AppendEventsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)");
        List<DomainEventMessage<?>> domainEvents = new ArrayList<>(events.size());
        Map<String, Long> firstInBatch = new LinkedHashMap<>();
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            domainEvents.add(event);
            firstInBatch.putIfAbsent(event.getAggregateIdentifier(), event.getSequenceNumber());
        }
        Map<String, String> lastHashInBatch = previousStoredHashes(connection, schema, firstInBatch);
        for (DomainEventMessage<?> event : domainEvents) {
            String aggregateId = event.getAggregateIdentifier();
            Row row = row(event, lastHashInBatch.getOrDefault(aggregateId, ""), serializer, dataType);
            lastHashInBatch.put(aggregateId, row.hash());

            insert.setString(1, event.getIdentifier());
            insert.setString(2, aggregateId);
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            // Written as the string that was hashed, not through Axon's writer, so the two cannot differ.
            insert.setString(5, row.timestamp());
            insert.setString(6, row.payloadType());
            insert.setString(7, row.payloadRevision());
            insert.setObject(8, row.payload());
            insert.setObject(9, row.metaData());
            insert.addBatch();
        }
        return insert;
    }

    /** What one event's row stores, and its hash. */
    record Row(String timestamp, String payloadType, String payloadRevision, Object payload, Object metaData,
               String hash) {
    }

    /**
     * The stored form of one event chained to {@code previousHash}. Metadata of string values (what
     * Wayfinder's events carry) is serialised once, with its hash: its canonical form is written straight
     * from the map, which gives the same bytes as writing it and parsing it back ({@link EventHash}); other
     * metadata takes that longer way.
     */
    static Row row(DomainEventMessage<?> event, String previousHash, Serializer serializer, Class<?> dataType) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
        MetaData withoutHash = event.getMetaData().containsKey(EventHash.METADATA_KEY)
                ? event.getMetaData().withoutKeys(Set.of(EventHash.METADATA_KEY)) : event.getMetaData();
        EventHash.StoredEvent stored = new EventHash.StoredEvent(event.getAggregateIdentifier(),
                event.getSequenceNumber(), event.getIdentifier(), payload.getType().getName(),
                payload.getType().getRevision(), timestamp, payload.getData(), null);
        byte[] canonicalMetaData = onlyStrings(withoutHash) ? EventHash.canonicalMetaData(withoutHash)
                : EventHash.canonicalMetaData(serializer.serialize(withoutHash, byte[].class).getData());
        String hash = EventHash.ofCanonical(stored, canonicalMetaData, previousHash);
        SerializedObject<?> metaData = serializer.serialize(withoutHash.and(EventHash.METADATA_KEY, hash), dataType);
        Object storedPayload = dataType == byte[].class ? payload.getData()
                : event.serializePayload(serializer, dataType).getData();
        return new Row(timestamp, payload.getType().getName(), payload.getType().getRevision(), storedPayload,
                metaData.getData(), hash);
    }

    private static boolean onlyStrings(MetaData metaData) {
        for (Object value : metaData.values()) {
            if (!(value instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /**
     * For each stream in the batch, the hash of its latest stored event before the batch's first event
     * of that stream: "" for a new stream (or one stored before hashing). One query for the whole batch,
     * however many streams it continues.
     */
    private static Map<String, String> previousStoredHashes(Connection connection, EventSchema schema,
                                                            Map<String, Long> firstInBatch) throws SQLException {
        Map<String, String> previous = new HashMap<>();
        List<String> ids = new ArrayList<>();
        List<Long> sequenceNumbers = new ArrayList<>();
        firstInBatch.forEach((aggregateId, sequenceNumber) -> {
            if (sequenceNumber > 0) {
                ids.add(aggregateId);
                sequenceNumbers.add(sequenceNumber);
            }
        });
        if (ids.isEmpty()) {
            return previous;
        }
        String table = schema.domainEventTable();
        String aggregate = schema.aggregateIdentifierColumn();
        String sequence = schema.sequenceNumberColumn();
        try (PreparedStatement query = connection.prepareStatement("SELECT stream.id, (SELECT e."
                + schema.metaDataColumn() + " FROM " + table + " e WHERE e." + aggregate + " = stream.id AND e."
                + sequence + " < stream.seq ORDER BY e." + sequence + " DESC LIMIT 1) "
                + "FROM unnest(?::varchar[], ?::bigint[]) AS stream (id, seq)")) {
            query.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            query.setArray(2, connection.createArrayOf("bigint", sequenceNumbers.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byte[] metaData = rows.getBytes(2);
                    String stored = metaData == null ? null : EventHash.storedHash(metaData);
                    previous.put(rows.getString(1), stored == null ? "" : stored);
                }
            }
        }
        return previous;
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event.getTimestamp());
    }
}

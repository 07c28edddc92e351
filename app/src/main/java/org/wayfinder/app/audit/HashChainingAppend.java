package org.wayfinder.app.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
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
 * and the previous hash is read on the same connection, inside the appending transaction.
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
        Map<String, String> lastHashInBatch = new HashMap<>();
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            MetaData withoutHash = event.getMetaData().withoutKeys(Set.of(EventHash.METADATA_KEY));
            byte[] metaDataWithoutHash = serializer.serialize(withoutHash, byte[].class).getData();

            String aggregateId = event.getAggregateIdentifier();
            String previous = lastHashInBatch.containsKey(aggregateId) ? lastHashInBatch.get(aggregateId)
                    : previousStoredHash(connection, schema, aggregateId, event.getSequenceNumber());
            String hash = EventHash.of(new EventHash.StoredEvent(aggregateId, event.getSequenceNumber(),
                    event.getIdentifier(), payload.getType().getName(), payload.getType().getRevision(), timestamp,
                    payload.getData(), metaDataWithoutHash), previous);
            lastHashInBatch.put(aggregateId, hash);
            SerializedObject<?> metaData = serializer.serialize(withoutHash.and(EventHash.METADATA_KEY, hash), dataType);
            SerializedObject<?> storedPayload = dataType == byte[].class ? payload
                    : event.serializePayload(serializer, dataType);

            insert.setString(1, event.getIdentifier());
            insert.setString(2, aggregateId);
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            // Written as the string that was hashed, not through Axon's writer, so the two cannot differ.
            insert.setString(5, timestamp);
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setObject(8, storedPayload.getData());
            insert.setObject(9, metaData.getData());
            insert.addBatch();
        }
        return insert;
    }

    /** The hash of the stream's latest stored event, or "" for a new stream (or one stored before hashing). */
    private static String previousStoredHash(Connection connection, EventSchema schema, String aggregateId,
                                             long sequenceNumber) throws SQLException {
        if (sequenceNumber == 0) {
            return "";
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT " + schema.metaDataColumn() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " < ? ORDER BY " + schema.sequenceNumberColumn() + " DESC LIMIT 1")) {
            query.setString(1, aggregateId);
            query.setLong(2, sequenceNumber);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return "";
                }
                String stored = EventHash.storedHash(row.getBytes(1));
                return stored == null ? "" : stored;
            }
        }
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event.getTimestamp());
    }
}

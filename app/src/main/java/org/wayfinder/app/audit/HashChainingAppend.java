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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wayfinder.kernel.audit.EventHash;

/**
 * The one place events get their {@code hash}: the statement that inserts them. Hashing here, rather
 * than in a wrapper around the engine, means the bytes hashed are the very bytes bound to the insert,
 * and the previous hashes are read on the same connection, inside the appending transaction, with one
 * query per batch.
 * <p>
 * Events that are not domain events are stored by Axon as one-event streams (aggregate id = event id,
 * sequence 0), so they chain from "" like any first event.
 * <p>
 * The hash of a stream's latest event appended through this node is remembered once its transaction has
 * committed, so the next append to that stream (the next command on a referral, typically) needs no
 * query. This cannot go stale, even with several nodes: a committed event never changes (the table is
 * append-only) and no other event can take its (stream, sequence number) (unique constraint). The
 * remembered hash is used only for the event right after it; anything else is read from the table.
 */
public final class HashChainingAppend implements AppendEventsStatementBuilder {

    private final CommittedHashes committed;

    /** {@code capacity}: how many streams' latest hashes to remember (0 to always query). */
    public HashChainingAppend(int capacity) {
        this.committed = new CommittedHashes(capacity);
    }

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
        Map<String, String> lastHashInBatch = previousHashes(connection, schema, firstInBatch);
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
        rememberOnCommit(domainEvents, lastHashInBatch);
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

    private Map<String, String> previousHashes(Connection connection, EventSchema schema,
                                               Map<String, Long> firstInBatch) throws SQLException {
        Map<String, String> known = new HashMap<>();
        Map<String, Long> unknown = new LinkedHashMap<>();
        firstInBatch.forEach((aggregateId, sequenceNumber) -> {
            String hash = sequenceNumber > 0 ? committed.hashOf(aggregateId, sequenceNumber - 1) : null;
            if (hash != null) {
                known.put(aggregateId, hash);
            } else {
                unknown.put(aggregateId, sequenceNumber);
            }
        });
        known.putAll(previousStoredHashes(connection, schema, unknown));
        return known;
    }

    /** After the appending transaction commits (and only then), each stream's last hash in the batch. */
    private void rememberOnCommit(List<DomainEventMessage<?>> events, Map<String, String> lastHashInBatch) {
        if (!committed.enabled() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Map<String, Long> lastSequence = new HashMap<>();
        for (DomainEventMessage<?> event : events) {
            if (event.getType() != null) {
                lastSequence.merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::max);
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                lastSequence.forEach((aggregateId, sequenceNumber) ->
                        committed.remember(aggregateId, sequenceNumber, lastHashInBatch.get(aggregateId)));
            }
        });
    }

    /** The latest committed (sequence number, hash) of recently appended streams, least recently used dropped. */
    static final class CommittedHashes {

        private record Latest(long sequenceNumber, String hash) {
        }

        private final int capacity;
        private final Map<String, Latest> latest;

        CommittedHashes(int capacity) {
            this.capacity = capacity;
            this.latest = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Latest> eldest) {
                    return size() > CommittedHashes.this.capacity;
                }
            };
        }

        boolean enabled() {
            return capacity > 0;
        }

        synchronized String hashOf(String aggregateId, long sequenceNumber) {
            Latest known = latest.get(aggregateId);
            return known != null && known.sequenceNumber() == sequenceNumber ? known.hash() : null;
        }

        synchronized void remember(String aggregateId, long sequenceNumber, String hash) {
            if (hash == null) {
                return;
            }
            Latest known = latest.get(aggregateId);
            if (known == null || known.sequenceNumber() < sequenceNumber) {
                latest.put(aggregateId, new Latest(sequenceNumber, hash));
            }
        }
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

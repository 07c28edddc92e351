package org.wayfinder.projection.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the event store in large {@code global_index} ranges with one SQL statement per batch, and turns the
 * rows into event messages with the event serializer and the upcaster chain, as the event processors see them.
 */
public final class EventStream {

    private static final String SELECT = """
            SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                   payload_type, payload_revision, payload, meta_data
            FROM domain_event_entry WHERE global_index > ? AND global_index <= ?""";

    /** One stored event as read, before deserialisation. */
    public record Row(long globalIndex, TrackedEventData<byte[]> data) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Supplier<EventUpcaster> upcasterChain;

    public EventStream(JdbcTemplate jdbc, Serializer serializer, Supplier<EventUpcaster> upcasterChain) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasterChain = upcasterChain;
    }

    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** How many events lie after {@code after} up to {@code upTo}, recorded before {@code recordedBefore} if given. */
    public long count(long after, long upTo, String recordedBefore) {
        Long count = recordedBefore == null
                ? jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index > ? AND global_index <= ?",
                        Long.class, after, upTo)
                : jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index > ? AND global_index <= ?"
                        + " AND time_stamp::timestamptz < ?::timestamptz", Long.class, after, upTo, recordedBefore);
        return count == null ? 0 : count;
    }

    /**
     * Up to {@code limit} events after {@code after} and at most {@code upTo}, in order. With
     * {@code recordedBefore} (an ISO-8601 instant, as Axon stores {@code time_stamp}) only events recorded
     * before it.
     */
    public List<Row> read(long after, long upTo, int limit, String recordedBefore) {
        List<Row> rows = new ArrayList<>(Math.min(limit, 65_536));
        String sql = SELECT + (recordedBefore == null ? "" : " AND time_stamp::timestamptz < ?::timestamptz") + " ORDER BY global_index LIMIT ?";
        Object[] args = recordedBefore == null
                ? new Object[] {after, upTo, limit}
                : new Object[] {after, upTo, recordedBefore, limit};
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setFetchSize(Math.min(limit, 10_000));
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, resultSet -> {
            long index = resultSet.getLong(1);
            GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(resultSet.getString(2),
                    resultSet.getString(3), resultSet.getLong(4), resultSet.getString(5), resultSet.getString(6),
                    resultSet.getString(7), resultSet.getString(8), resultSet.getBytes(9), resultSet.getBytes(10));
            rows.add(new Row(index, new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(index), entry)));
        });
        return rows;
    }

    /** The rows as event messages; payloads deserialise lazily, when a handler first needs them. */
    public List<TrackedEventMessage<?>> messages(List<Row> rows) {
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream().map(Row::data), serializer,
                upcasterChain.get()).toList();
    }
}

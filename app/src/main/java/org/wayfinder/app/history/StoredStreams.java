package org.wayfinder.app.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfinder.command.history.ImportAggregates;

/**
 * Reads the stored events of many streams with one query, for the import's {@link ImportAggregates#prefetch}:
 * the rows Axon's JDBC engine would read stream by stream, through the same serializer and upcasters.
 */
final class StoredStreams implements ImportAggregates.StreamReader {

    private static final String SELECT = "SELECT event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry "
            + "WHERE aggregate_identifier = ANY (?) ORDER BY aggregate_identifier, sequence_number";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    StoredStreams(JdbcTemplate jdbc, Serializer serializer, EventUpcaster upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    @Override
    public Map<String, List<? extends DomainEventMessage<?>>> read(Collection<String> aggregateIds) {
        Map<String, List<DomainEventData<?>>> rows = new LinkedHashMap<>();
        jdbc.query(connection -> {
            var select = connection.prepareStatement(SELECT);
            select.setArray(1, connection.createArrayOf("varchar", aggregateIds.toArray()));
            return select;
        }, resultSet -> {
            String aggregateId = resultSet.getString(2);
            rows.computeIfAbsent(aggregateId, id -> new ArrayList<>()).add(new GenericDomainEventEntry<>(
                    resultSet.getString(4), aggregateId, resultSet.getLong(3), resultSet.getString(1),
                    resultSet.getString(5), resultSet.getString(6), resultSet.getString(7),
                    resultSet.getBytes(8), resultSet.getBytes(9)));
        });
        Map<String, List<? extends DomainEventMessage<?>>> streams = new HashMap<>();
        // Stream by stream, as Axon upcasts and deserialises an aggregate's events when it loads it.
        rows.forEach((aggregateId, events) -> streams.put(aggregateId, EventStreamUtils.asStream(
                EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream(), serializer, upcasters)).toList()));
        return streams;
    }
}

package org.wayfinder.query.projections;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wayfinder.projection.catalogue.ProjectionCatalogue;

/**
 * How fresh and how complete each read model is, from the database alone (so it covers segments claimed
 * by any node): the event store's head, each processing group's token position (its slowest segment),
 * the lag between them in events, whether a rebuild is replaying, and the events parked in its
 * dead-letter queue. A view with dead letters is missing those events' effects until they are retried.
 */
@Component
public class ProjectionHealth {

    /** Scrapes and dashboards may ask often; the database is asked at most once per this interval. */
    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot last;

    public ProjectionHealth(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** One processing group's freshness and dead letters. */
    public record Status(String processingGroup, long tokenPosition, long lag, boolean replaying, long deadLetters,
                         long deadLetterSequences) {

        /** Caught up with the event store and nothing parked: the view reflects every stored event. */
        @JsonProperty("upToDate")
        public boolean upToDate() {
            return lag == 0 && deadLetters == 0 && !replaying;
        }
    }

    /** Every processing group at one moment, ordered by name. */
    public record Snapshot(long headGlobalIndex, Instant takenAt, List<Status> projections) {

        public Optional<Status> of(String processingGroup) {
            return projections.stream().filter(status -> status.processingGroup().equals(processingGroup)).findFirst();
        }
    }

    public Snapshot snapshot() {
        Snapshot current = last;
        Instant now = clock.instant();
        if (current != null && current.takenAt().plus(FRESH_FOR).isAfter(now)) {
            return current;
        }
        current = read(now);
        last = current;
        return current;
    }

    public Optional<Status> status(String processingGroup) {
        return snapshot().of(processingGroup);
    }

    private Snapshot read(Instant now) {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        Map<String, Position> positions = new TreeMap<>();
        ProjectionCatalogue.ALL.forEach(projection -> positions.put(projection.name(), new Position(-1, false, false)));
        jdbc.query("SELECT processor_name, token, token_type FROM token_entry", row -> {
            Position segment = position(row.getBytes("token"), row.getString("token_type"));
            positions.merge(row.getString("processor_name"), segment, Position::slowest);
        });
        Map<String, long[]> deadLetters = new LinkedHashMap<>();
        jdbc.query("SELECT processing_group, count(*) AS letters, count(DISTINCT sequence_identifier) AS sequences "
                + "FROM dead_letter_entry GROUP BY processing_group", row -> {
            deadLetters.put(row.getString("processing_group"),
                    new long[] {row.getLong("letters"), row.getLong("sequences")});
            positions.putIfAbsent(row.getString("processing_group"), new Position(-1, false, false));
        });
        List<Status> statuses = positions.entrySet().stream().map(entry -> {
            long position = Math.max(entry.getValue().index(), 0);
            long[] letters = deadLetters.getOrDefault(entry.getKey(), new long[] {0, 0});
            return new Status(entry.getKey(), position, Math.max(head - position, 0), entry.getValue().replaying(),
                    letters[0], letters[1]);
        }).toList();
        return new Snapshot(head, now, statuses);
    }

    private Position position(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return new Position(-1, false, true);
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
        OptionalLong index = tracking.position();
        return new Position(index.orElse(-1), ReplayToken.isReplay(tracking), true);
    }

    /** A segment's (or the slowest segment's) global index; -1 before its first event. */
    private record Position(long index, boolean replaying, boolean known) {

        Position slowest(Position other) {
            if (!known) {
                return other;
            }
            return new Position(Math.min(index, other.index()), replaying || other.replaying(), true);
        }
    }
}

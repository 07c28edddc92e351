package org.wayfinder.query.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far a projection is behind the event store: the newest event's global index minus the position of the
 * processor's slowest segment, the time between those two events, and the events parked as dead letters.
 */
@Component
class Freshness {

    /**
     * @param eventsBehind    events appended that the projection has not processed yet
     * @param secondsBehind   seconds between the newest event and the last one processed (0 when caught up)
     * @param deadLetters     events the projection could not process, parked in {@code dead_letter_entry}
     * @param position        the global index the projection has processed up to, or null before its first batch
     * @param head            the newest event's global index
     */
    record Status(String processingGroup, long eventsBehind, Long secondsBehind, long deadLetters, Long position,
                  long head) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    Freshness(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Status of(String processingGroup) {
        long head = jdbc.queryForObject("SELECT COALESCE(max(global_index), 0) FROM domain_event_entry", Long.class);
        List<byte[]> tokens = jdbc.query("SELECT token FROM token_entry WHERE processor_name = ?",
                (rs, i) -> rs.getBytes(1), processingGroup);
        Long position = null;
        for (byte[] token : tokens) {
            long segment = position(token);
            position = position == null ? segment : Math.min(position, segment);
        }
        long deadLetters = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                Long.class, processingGroup);
        long behind = Math.max(0, head - (position == null ? 0 : position));
        Long seconds = behind == 0 ? Long.valueOf(0) : secondsBetween(position, head);
        return new Status(processingGroup, behind, seconds, deadLetters, position, head);
    }

    private Long secondsBetween(Long position, long head) {
        List<String> stamps = jdbc.queryForList("""
                SELECT time_stamp FROM domain_event_entry WHERE global_index IN (?, ?) ORDER BY global_index""",
                String.class, position == null ? -1 : position, head);
        try {
            if (stamps.size() == 2) {
                return Math.max(0, Duration.between(Instant.parse(stamps.get(0)), Instant.parse(stamps.get(1))).toSeconds());
            }
            if (stamps.size() == 1 && position == null) {
                return null;
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** A tracking token's position, replay tokens included; tokens are stored as Jackson JSON. */
    static long position(byte[] token) {
        if (token == null) {
            return 0;
        }
        try {
            JsonNode node = JSON.readTree(token);
            if (node.has("currentToken")) {
                node = node.get("currentToken");
            }
            JsonNode index = node == null ? null : node.findValue("index");
            return index == null ? 0 : index.asLong();
        } catch (IOException e) {
            return 0;
        }
    }
}

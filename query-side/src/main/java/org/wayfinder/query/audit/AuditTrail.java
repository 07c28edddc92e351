package org.wayfinder.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wayfinder.kernel.audit.EventHash;
import org.wayfinder.kernel.metadata.EventMetadata;
import org.wayfinder.kernel.serialization.EventFormat;

/**
 * Reads history straight from the event store: the store is the record, and a read model could lag or
 * be rebuilt differently. Only the finding of a person's related streams leans on read models.
 */
@Component
class AuditTrail {

    /** Business dates that name when a correction, voiding, merge or erasure happened win over the fact's own. */
    private static final List<String> PREFERRED_DATES = List.of("correctedOn", "voidedOn", "mergedOn", "erasedOn",
            "withdrawnOn", "reopenedOn");
    private static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, event_identifier, "
            + "payload_type, payload_revision, time_stamp, payload, meta_data";
    private static final String RECORDED_AT = "CAST(time_stamp AS TIMESTAMPTZ)";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventFormat.objectMapper();

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(Instant from, Instant to, String type) {
    }

    List<HistoryEntry> streams(Collection<String> aggregateIds, Filter filter) {
        if (aggregateIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ANY (?)");
        List<Object> args = new ArrayList<>();
        args.add(aggregateIds.toArray(String[]::new));
        where(sql, args, filter);
        sql.append(" ORDER BY global_index");
        return jdbc.query(sql.toString(), (rs, row) -> entry(rs), args.toArray());
    }

    /** Whether the stream exists and belongs to an aggregate of this type (Referral, Person). */
    boolean exists(String aggregateId, String aggregateType) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0 AND type = ?)", Boolean.class,
                aggregateId, aggregateType));
    }

    /** Events whose metadata names this actor (or organisation), in recording order, one page at a time. */
    List<HistoryEntry> byMetadata(String key, String value, Filter filter, long afterGlobalIndex, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM domain_event_entry WHERE global_index > ?"
                + " AND CAST(convert_from(meta_data, 'UTF8') AS JSONB) ->> ? = ?");
        List<Object> args = new ArrayList<>(List.of(afterGlobalIndex, key, value));
        where(sql, args, filter);
        sql.append(" ORDER BY global_index LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, row) -> entry(rs), args.toArray());
    }

    /** The person, everyone merged into them (at any depth), and every referral about any of those. */
    Set<String> personStreams(String personId) {
        Set<String> people = new LinkedHashSet<>(List.of(personId));
        List<String> frontier = List.of(personId);
        while (!frontier.isEmpty()) {
            List<String> merged = jdbc.queryForList(
                    "SELECT person_id FROM person_directory WHERE merged_into = ANY (?) ORDER BY person_id",
                    String.class, (Object) frontier.toArray(String[]::new));
            frontier = merged.stream().filter(people::add).toList();
        }
        Set<String> streams = new LinkedHashSet<>(people);
        streams.addAll(jdbc.queryForList(
                "SELECT referral_id FROM referral_summary WHERE person_id = ANY (?) ORDER BY referral_id",
                String.class, (Object) people.toArray(String[]::new)));
        return streams;
    }

    private static void where(StringBuilder sql, List<Object> args, Filter filter) {
        if (filter.from() != null) {
            sql.append(" AND ").append(RECORDED_AT).append(" >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND ").append(RECORDED_AT).append(" < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (filter.type() != null) {
            sql.append(" AND (payload_type = ? OR payload_type LIKE ?)");
            args.add(filter.type());
            args.add("%." + filter.type().replace("%", "").replace("_", "\\_"));
        }
    }

    private HistoryEntry entry(ResultSet rs) throws SQLException {
        String payloadType = rs.getString("payload_type");
        String type = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        Map<String, Object> fields = payload(rs.getBytes("payload"));
        Map<String, Object> metaData = EventHash.metaDataMap(rs.getBytes("meta_data"));
        Object reason = fields.get("reason");
        return new HistoryEntry(rs.getLong("global_index"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("event_identifier"), type, payloadType,
                rs.getString("payload_revision"), kind(type), reason == null ? null : reason.toString(),
                businessDate(fields), rs.getString("time_stamp"), text(metaData, EventMetadata.ACTOR_ID),
                text(metaData, EventMetadata.ACTOR_ROLE), text(metaData, EventMetadata.ORGANISATION),
                text(metaData, EventMetadata.SOURCE), text(metaData, EventMetadata.CORRELATION_ID),
                text(metaData, EventMetadata.CAUSATION_ID), text(metaData, EventHash.METADATA_KEY), fields);
    }

    static String kind(String type) {
        if (type.endsWith("Corrected")) {
            return "correction";
        }
        if (type.endsWith("Voided")) {
            return "voiding";
        }
        if (type.equals("PersonMergedInto")) {
            return "merge";
        }
        if (type.equals("PersonErased")) {
            return "erasure";
        }
        return "fact";
    }

    /** The event's own date: a preferred name if present, else the first field named {@code *On} holding a date. */
    static LocalDate businessDate(Map<String, Object> fields) {
        for (String name : PREFERRED_DATES) {
            LocalDate date = date(fields.get(name));
            if (date != null) {
                return date;
            }
        }
        return fields.entrySet().stream().filter(field -> field.getKey().endsWith("On"))
                .map(field -> date(field.getValue())).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static LocalDate date(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Map<String, Object> payload(byte[] bytes) {
        try {
            return json.readValue(bytes, new TypeReference<java.util.LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Stored payload is not JSON", e);
        }
    }

    private static String text(Map<String, Object> metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}

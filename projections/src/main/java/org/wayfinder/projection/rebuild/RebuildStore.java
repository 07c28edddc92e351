package org.wayfinder.projection.rebuild;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code projection_rebuild} table: a rebuild's state, persisted so it outlives the process. */
final class RebuildStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RebuildStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a queued rebuild; false if another is queued or running (the partial unique index refuses it). */
    boolean queue(UUID id, List<String> projections, String requestedBy, String schema) {
        int inserted = jdbc.update("""
                INSERT INTO projection_rebuild (rebuild_id, projections, state, requested_by, requested_at, build_schema)
                VALUES (?, ?, 'queued', ?, ?, ?) ON CONFLICT DO NOTHING""",
                id, projections.toArray(String[]::new), requestedBy, Timestamp.from(clock.instant()), schema);
        if (inserted == 1) {
            for (String projection : projections) {
                jdbc.update("INSERT INTO projection_rebuild_projection (rebuild_id, projection) VALUES (?, ?)",
                        id, projection);
            }
        }
        return inserted == 1;
    }

    void started(UUID id, long total) {
        jdbc.update("UPDATE projection_rebuild SET state = 'running', started_at = ?, events_total = ? WHERE rebuild_id = ?",
                Timestamp.from(clock.instant()), total, id);
    }

    void total(UUID id, long total) {
        jdbc.update("UPDATE projection_rebuild SET events_total = ? WHERE rebuild_id = ?", total, id);
    }

    /** Progress of one batch; called inside the batch's transaction, so it commits with the batch's rows. */
    void progress(UUID id, long position, long processed, List<String> projections, long[] handled) {
        jdbc.update("UPDATE projection_rebuild SET position = ?, events_processed = ?, "
                + "events_total = GREATEST(events_total, ?) WHERE rebuild_id = ?", position, processed, processed, id);
        for (int i = 0; i < projections.size(); i++) {
            jdbc.update("UPDATE projection_rebuild_projection SET events_handled = ? WHERE rebuild_id = ? AND projection = ?",
                    handled[i], id, projections.get(i));
        }
    }

    void caughtUp(UUID id) {
        jdbc.update("UPDATE projection_rebuild SET state = 'caught-up', finished_at = ?, "
                + "events_total = events_processed WHERE rebuild_id = ?", Timestamp.from(clock.instant()), id);
    }

    void failed(UUID id, String failure) {
        jdbc.update("UPDATE projection_rebuild SET state = 'failed', finished_at = ?, failure = ? WHERE rebuild_id = ?",
                Timestamp.from(clock.instant()), failure, id);
    }

    /** Rebuilds a stopped process left queued or running: they failed; returns their build schemas. */
    List<String> interrupted() {
        List<String> schemas = jdbc.queryForList(
                "SELECT build_schema FROM projection_rebuild WHERE state IN ('queued', 'running')", String.class);
        jdbc.update("UPDATE projection_rebuild SET state = 'failed', finished_at = ?, failure = "
                        + "'interrupted: the service stopped while the rebuild ran; the live views were not touched' "
                        + "WHERE state IN ('queued', 'running')", Timestamp.from(clock.instant()));
        return schemas;
    }

    Optional<RebuildStatus> find(UUID id) {
        return jdbc.query("SELECT * FROM projection_rebuild WHERE rebuild_id = ?", this::status, id).stream().findFirst();
    }

    Optional<RebuildStatus> active() {
        return jdbc.query("SELECT * FROM projection_rebuild WHERE state IN ('queued', 'running')", this::status)
                .stream().findFirst();
    }

    private RebuildStatus status(ResultSet row, int rowNumber) throws SQLException {
        UUID id = row.getObject("rebuild_id", UUID.class);
        String state = row.getString("state");
        long processed = row.getLong("events_processed");
        long total = row.getLong("events_total");
        Instant started = instant(row.getTimestamp("started_at"));
        Instant finished = instant(row.getTimestamp("finished_at"));
        double seconds = started == null ? 0
                : Duration.between(started, finished == null ? clock.instant() : finished).toMillis() / 1000.0;
        double rate = seconds > 0 ? processed / seconds : 0;
        Long left = RebuildStatus.CAUGHT_UP.equals(state) ? Long.valueOf(0)
                : rate > 0 && !RebuildStatus.FAILED.equals(state) ? Long.valueOf((long) Math.ceil((total - processed) / rate))
                : null;
        Array projections = row.getArray("projections");
        List<String> names = Arrays.asList((String[]) projections.getArray());
        List<RebuildStatus.ProjectionProgress> progress = jdbc.query(
                "SELECT projection, events_handled FROM projection_rebuild_projection WHERE rebuild_id = ?",
                (r, n) -> new RebuildStatus.ProjectionProgress(r.getString(1), state, r.getLong(2)), id)
                .stream().sorted(java.util.Comparator.comparingInt(p -> names.indexOf(p.projection()))).toList();
        return new RebuildStatus(id, names, state, processed, total, Math.round(rate * 10) / 10.0, left,
                instant(row.getTimestamp("requested_at")), started, finished, row.getString("failure"), progress);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package org.wayfinder.app.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The import bookkeeping tables: history_import, history_import_row and history_import_error. */
@Repository
class HistoryImportStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    HistoryImportStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record ImportRecord(String importId, String startedBy, String actorRole, String organisation, String state,
                        String files, String spoolDirectory, Long rowsTotal, long rowsDone, long rowsRejected,
                        long rowsSkipped, long eventsAppended, Instant createdAt, Instant startedAt,
                        Instant finishedAt, String failure, boolean pauseProjections) {
    }

    record ImportError(String fileKind, long lineNumber, String sourceKey, String stage, String reason) {
    }

    /** Counters of one attempt, written as they grow. */
    record Progress(long done, long rejected, long skipped, long events) {
    }

    /** Who applied a source key, and how many events it caused. */
    record AppliedRow(String importId, int events) {
    }

    void create(String importId, String startedBy, String actorRole, String organisation, String files,
                String spoolDirectory) {
        create(importId, startedBy, actorRole, organisation, files, spoolDirectory, false);
    }

    void create(String importId, String startedBy, String actorRole, String organisation, String files,
                String spoolDirectory, boolean pauseProjections) {
        jdbc.update("""
                INSERT INTO history_import (import_id, started_by, actor_role, organisation, state, files,
                                            spool_directory, created_at, pause_projections)
                VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?)
                """, importId, startedBy, actorRole, organisation, files, spoolDirectory, now(), pauseProjections);
    }

    Optional<ImportRecord> find(String importId) {
        return jdbc.query("SELECT * FROM history_import WHERE import_id = ?", RECORD, importId).stream().findFirst();
    }

    /** Imports that were accepted or under way when the application last stopped, oldest first. */
    List<ImportRecord> unfinished() {
        return jdbc.query("SELECT * FROM history_import WHERE state IN ('QUEUED', 'RUNNING') ORDER BY created_at",
                RECORD);
    }

    /** A fresh attempt: counters from zero and the errors of any earlier attempt gone, as they are counted again. */
    void start(String importId) {
        jdbc.update("DELETE FROM history_import_error WHERE import_id = ?", importId);
        jdbc.update("""
                UPDATE history_import SET state = 'RUNNING', started_at = ?, finished_at = NULL, rows_total = NULL,
                       rows_done = 0, rows_rejected = 0, rows_skipped = 0, events_appended = 0, failure = NULL
                WHERE import_id = ?
                """, now(), importId);
    }

    void total(String importId, long rowsTotal) {
        jdbc.update("UPDATE history_import SET rows_total = ? WHERE import_id = ?", rowsTotal, importId);
    }

    void progress(String importId, Progress progress) {
        jdbc.update("""
                UPDATE history_import SET rows_done = ?, rows_rejected = ?, rows_skipped = ?, events_appended = ?
                WHERE import_id = ?
                """, progress.done(), progress.rejected(), progress.skipped(), progress.events(), importId);
    }

    void finish(String importId, Progress progress) {
        progress(importId, progress);
        jdbc.update("UPDATE history_import SET state = 'DONE', finished_at = ? WHERE import_id = ?", now(), importId);
    }

    void fail(String importId, String failure) {
        jdbc.update("UPDATE history_import SET state = 'FAILED', finished_at = ?, failure = ? WHERE import_id = ?",
                now(), failure, importId);
    }

    /** Who applied each of these source keys, for those that were applied; one query. */
    Map<String, AppliedRow> applied(Collection<String> sourceKeys) {
        Map<String, AppliedRow> applied = new HashMap<>();
        if (sourceKeys.isEmpty()) {
            return applied;
        }
        jdbc.query(connection -> {
            var select = connection.prepareStatement(
                    "SELECT source_key, import_id, events FROM history_import_row WHERE source_key = ANY (?)");
            select.setArray(1, connection.createArrayOf("varchar", sourceKeys.toArray()));
            return select;
        }, (ResultSet rs) -> {
            applied.put(rs.getString(1), new AppliedRow(rs.getString(2), rs.getInt(3)));
        });
        return applied;
    }

    /** A row to claim: its source key, its pass and the number of events it causes. */
    record Claim(String sourceKey, String kind, int events) {
    }

    /**
     * Claims the keys in one statement, inside the chunk's transaction; returns those claimed meanwhile
     * by someone else (normally none), which the caller must not apply.
     */
    Set<String> claim(String importId, List<Claim> claims) {
        Set<String> taken = new HashSet<>();
        if (claims.isEmpty()) {
            return taken;
        }
        Set<String> inserted = new HashSet<>();
        Timestamp now = now();
        jdbc.query(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO history_import_row (source_key, import_id, kind, events, applied_at)
                    SELECT claim.source_key, ?, claim.kind, claim.events, ?
                    FROM unnest(?::varchar[], ?::varchar[], ?::int[]) AS claim (source_key, kind, events)
                    ON CONFLICT (source_key) DO NOTHING RETURNING source_key
                    """);
            insert.setString(1, importId);
            insert.setTimestamp(2, now);
            insert.setArray(3, connection.createArrayOf("varchar", claims.stream().map(Claim::sourceKey).toArray()));
            insert.setArray(4, connection.createArrayOf("varchar", claims.stream().map(Claim::kind).toArray()));
            insert.setArray(5, connection.createArrayOf("integer", claims.stream().map(Claim::events).toArray()));
            return insert;
        }, (ResultSet rs) -> {
            inserted.add(rs.getString(1));
        });
        claims.forEach(claim -> {
            if (!inserted.contains(claim.sourceKey())) {
                taken.add(claim.sourceKey());
            }
        });
        return taken;
    }

    /** Refused rows in one batch; each keeps the time it was refused, which orders the report. */
    void reject(String importId, List<TimedError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO history_import_error (import_id, file_kind, line_number, source_key, stage, reason,
                                                  recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, errors, errors.size(), (statement, timed) -> {
            ImportError error = timed.error();
            statement.setString(1, importId);
            statement.setString(2, error.fileKind());
            statement.setLong(3, error.lineNumber());
            statement.setString(4, error.sourceKey());
            statement.setString(5, error.stage());
            statement.setString(6, error.reason());
            statement.setTimestamp(7, Timestamp.from(timed.at()));
        });
    }

    /** A refused row and when it was refused. */
    record TimedError(ImportError error, Instant at) {
    }

    Instant instant() {
        return clock.instant();
    }

    /**
     * The batch's transaction commits without waiting for its WAL flush. A crash can then lose the last
     * moments of commits, but each loses its events and its source keys together, so the resumed
     * import applies those rows again: nothing is half-applied and nothing is applied twice.
     */
    void relaxCommitDurability() {
        jdbc.execute("SET LOCAL synchronous_commit TO OFF");
    }

    /**
     * Makes other appends to the event store wait until this transaction ends (and this one until theirs have
     * ended). A chunk's events are numbered together and become visible together, with nothing numbered after
     * them visible first: a tracking processor never meets thousands of gaps that close a moment later, which it
     * would carry in the token of every event it reads until they did. Reads are not held up.
     */
    void holdOtherAppendsUntilCommit() {
        jdbc.execute("LOCK TABLE domain_event_entry IN SHARE ROW EXCLUSIVE MODE");
    }

    long errorCount(String importId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM history_import_error WHERE import_id = ?", Long.class,
                importId);
        return count == null ? 0 : count;
    }

    /** Errors in journey order, then file order. */
    List<ImportError> errors(String importId, long offset, int limit) {
        return jdbc.query("""
                SELECT file_kind, line_number, source_key, stage, reason FROM history_import_error
                WHERE import_id = ? ORDER BY recorded_at, stage, line_number OFFSET ? LIMIT ?
                """, (rs, n) -> new ImportError(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5)), importId, offset, limit);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static final RowMapper<ImportRecord> RECORD = HistoryImportStore::record;

    private static ImportRecord record(ResultSet rs, int row) throws SQLException {
        Long total = rs.getObject("rows_total", Long.class);
        return new ImportRecord(rs.getString("import_id"), rs.getString("started_by"), rs.getString("actor_role"),
                rs.getString("organisation"), rs.getString("state"), rs.getString("files"),
                rs.getString("spool_directory"), total, rs.getLong("rows_done"),
                rs.getLong("rows_rejected"), rs.getLong("rows_skipped"), rs.getLong("events_appended"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getString("failure"), rs.getBoolean("pause_projections"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

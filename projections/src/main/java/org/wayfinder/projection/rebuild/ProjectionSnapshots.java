package org.wayfinder.projection.rebuild;

import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named, read-only snapshots of one projection, built into a schema of their own from the events recorded by the
 * end of a day ("as known on") or whose business date is on or before a day ("as happened by"), with the
 * projection's own handlers, as a rebuild would. Reads name a snapshot with {@code asOf} and see its tables
 * in place of the live ones ({@link #readFrom}). The live views are never touched.
 */
@Component
public class ProjectionSnapshots {

    private static final Logger log = LoggerFactory.getLogger(ProjectionSnapshots.class);
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final ClassValue<RecordComponent[]> DATES = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.isRecord() ? java.util.Arrays.stream(type.getRecordComponents())
                    .filter(c -> c.getType() == LocalDate.class).toArray(RecordComponent[]::new) : new RecordComponent[0];
        }
    };

    /** One snapshot and how its build went. */
    public record Snapshot(String name, String projection, LocalDate asKnownOn, LocalDate asHappenedBy, String state,
                           long eventsRead, long eventsIncluded, Instant requestedAt, Instant finishedAt,
                           String failure) {
    }

    /** The name is taken. */
    public static final class SnapshotExists extends RuntimeException {
        SnapshotExists(String name) {
            super("A snapshot named '" + name + "' exists; delete it first or choose another name.");
        }
    }

    /** No ready snapshot of that name holds the projection a read needs. */
    public static final class UnknownSnapshot extends RuntimeException {
        UnknownSnapshot(String detail) {
            super(detail);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ProjectionRebuilds rebuilds;
    private final Clock clock;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-snapshot");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionSnapshots(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                               ProjectionRebuilds rebuilds, Clock clock) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.rebuilds = rebuilds;
        this.clock = clock;
    }

    /** Starts building a snapshot in the background; exactly one of the two dates is given. */
    public Snapshot create(String projection, String name, LocalDate asKnownOn, LocalDate asHappenedBy,
                           String requestedBy) {
        ProjectionRebuilds.Target target = rebuilds.target(projection);
        String schema = schema(name);
        int inserted = jdbc.update("""
                INSERT INTO projection_snapshot (name, projection, build_schema, as_known_on, as_happened_by, state,
                                                 requested_by, requested_at)
                VALUES (?, ?, ?, ?, ?, 'building', ?, ?) ON CONFLICT DO NOTHING""",
                name, projection, schema, asKnownOn, asHappenedBy, requestedBy, Timestamp.from(clock.instant()));
        if (inserted == 0) {
            throw new SnapshotExists(name);
        }
        builder.submit(() -> build(name, schema, target, asKnownOn, asHappenedBy));
        return find(name).orElseThrow();
    }

    public List<Snapshot> list() {
        return jdbc.query("SELECT * FROM projection_snapshot ORDER BY requested_at, name", this::snapshot);
    }

    public Optional<Snapshot> find(String name) {
        return jdbc.query("SELECT * FROM projection_snapshot WHERE name = ?", this::snapshot, name).stream().findFirst();
    }

    /** Drops the snapshot's schema and forgets it; false if there is no such snapshot. */
    public boolean delete(String name) {
        Optional<Snapshot> snapshot = find(name);
        if (snapshot.isEmpty()) {
            return false;
        }
        if ("building".equals(snapshot.get().state())) {
            throw new SnapshotExists(name + "' is still building; delete it when it is ready or failed. '" + name);
        }
        rebuilds.dropSchema(schema(name));
        jdbc.update("DELETE FROM projection_snapshot WHERE name = ?", name);
        return true;
    }

    /** Runs {@code read} in a read-only transaction that sees the snapshot's tables in place of the live ones. */
    public <T> T readFrom(String name, String projection, Supplier<T> read) {
        Snapshot snapshot = find(name).orElseThrow(() -> new UnknownSnapshot("No snapshot named '" + name + "'."));
        if (!snapshot.projection().equals(projection)) {
            throw new UnknownSnapshot("Snapshot '" + name + "' holds " + snapshot.projection() + "; this read needs a "
                    + "snapshot of " + projection + ".");
        }
        if (!"ready".equals(snapshot.state())) {
            throw new UnknownSnapshot("Snapshot '" + name + "' is " + snapshot.state() + ", not ready.");
        }
        return readOnly.execute(status -> {
            jdbc.execute("SET LOCAL search_path TO " + schema(name) + ", public");
            return read.get();
        });
    }

    /** Snapshots a stopped process left building cannot be finished: they failed, and their schemas are dropped. */
    @EventListener(ApplicationReadyEvent.class)
    public void failInterruptedSnapshots() {
        jdbc.queryForList("SELECT name FROM projection_snapshot WHERE state = 'building'", String.class)
                .forEach(name -> {
                    rebuilds.dropSchema(schema(name));
                    jdbc.update("UPDATE projection_snapshot SET state = 'failed', finished_at = ?, failure = "
                            + "'interrupted: the service stopped while it was built' WHERE name = ?",
                            Timestamp.from(clock.instant()), name);
                });
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        builder.shutdownNow();
    }

    private void build(String name, String schema, ProjectionRebuilds.Target target, LocalDate asKnownOn,
                       LocalDate asHappenedBy) {
        try {
            rebuilds.createBuildSchema(schema, List.of(target));
            long head = rebuilds.stream().head();
            String recordedBefore = asKnownOn == null ? null
                    : asKnownOn.plusDays(1).atStartOfDay(clock.getZone()).toInstant().toString();
            Predicate<EventMessage<?>> include = asHappenedBy == null ? message -> true
                    : message -> !businessDate(message).isAfter(asHappenedBy);
            ProjectionRebuilds.Progress progress = new ProjectionRebuilds.Progress(1);
            rebuilds.build(null, schema, List.of(target), progress, head, recordedBefore, include);
            rebuilds.completeBuild(schema, List.of(target));
            jdbc.update("UPDATE projection_snapshot SET state = 'ready', finished_at = ?, events_read = ?, "
                    + "events_included = ? WHERE name = ?", Timestamp.from(clock.instant()), progress.processed,
                    progress.handled[0], name);
        } catch (RuntimeException e) {
            log.error("Snapshot {} failed", name, e);
            rebuilds.dropSchema(schema);
            jdbc.update("UPDATE projection_snapshot SET state = 'failed', finished_at = ?, failure = ? WHERE name = ?",
                    Timestamp.from(clock.instant()), e.getClass().getSimpleName() + ": " + e.getMessage(), name);
        }
    }

    /**
     * When a fact happened in business time: the latest date in its payload (a correction's {@code correctedOn}
     * rather than the session it corrects), or, for an event without one, the London date it was recorded.
     */
    LocalDate businessDate(EventMessage<?> message) {
        Object payload = message.getPayload();
        LocalDate latest = null;
        for (RecordComponent component : DATES.get(payload.getClass())) {
            try {
                LocalDate date = (LocalDate) component.getAccessor().invoke(payload);
                if (date != null && (latest == null || date.isAfter(latest))) {
                    latest = date;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return latest != null ? latest : LocalDate.ofInstant(message.getTimestamp(), clock.getZone());
    }

    private static String schema(String name) {
        return "snapshot_" + name.replace('-', '_');
    }

    private Snapshot snapshot(ResultSet row, int rowNumber) throws SQLException {
        Timestamp finished = row.getTimestamp("finished_at");
        return new Snapshot(row.getString("name"), row.getString("projection"),
                row.getObject("as_known_on", LocalDate.class), row.getObject("as_happened_by", LocalDate.class),
                row.getString("state"), row.getLong("events_read"), row.getLong("events_included"),
                row.getTimestamp("requested_at").toInstant(), finished == null ? null : finished.toInstant(),
                row.getString("failure"));
    }
}

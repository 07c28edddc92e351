package org.wayfinder.app.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import javax.sql.DataSource;
import org.wayfinder.command.history.ImportAggregates;
import org.wayfinder.command.person.IdentityProtection;
import org.wayfinder.projection.rebuild.ProjectionRebuilds;
import org.wayfinder.query.projections.ProjectionHealth;

/**
 * Runs imports one at a time on a background thread, so history arrives as one ordered stream (gaps
 * and interleaving in the global index slow every later replay). Imports left QUEUED or RUNNING when
 * the application stopped are resumed from their spooled files when it is ready again.
 * <p>
 * With several nodes, each import runs on one node at a time: the runner holds a PostgreSQL session
 * advisory lock named after the import for as long as it runs, and a node that cannot take it (another node
 * is running the import) or cannot see the spooled files (they are on another machine) leaves it alone. The
 * lock goes with its connection, so a node that dies frees the import for the next node that starts.
 */
@Service
class HistoryImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HistoryImports.class);
    /**
     * Per aggregate type. A referral in memory holds its connections, attendances and measures: a few kilobytes by
     * the last passes of a london-decade import, where 250,000 of them filled a 1 GB heap (docs/performance.md).
     */
    static final int AGGREGATES_IN_MEMORY = 100_000;

    private final HistoryImportStore store;
    private final HistoryImportRunner runner;
    private final Path spoolDirectory;
    private final DataSource dataSource;
    private final ProjectionPause projectionPause;
    private final CatchUpAfterImport catchUp;
    private final boolean pauseProjectionsByDefault;
    private volatile boolean closing;
    private volatile String pausedBy;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "history-import");
        thread.setDaemon(true);
        return thread;
    });

    HistoryImports(HistoryImportStore store, org.axonframework.config.Configuration axon,
                   PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
                   IdentityProtection identityProtection,
                   @Value("${wayfinder.import.spool-directory}") Path spoolDirectory,
                   @Value("${wayfinder.import.chunk-rows:" + HistoryImportRunner.CHUNK_ROWS + "}") int chunkRows,
                   @Value("${wayfinder.import.aggregates-in-memory:" + AGGREGATES_IN_MEMORY + "}") int aggregatesInMemory,
                   @Value("${wayfinder.import.pause-projections:false}") boolean pauseProjectionsByDefault,
                   @Value("${wayfinder.import.pipelined:true}") boolean pipelined,
                   @Value("${wayfinder.import.rebuild-after-pause.min-events:50000}") long rebuildMinEvents,
                   @Value("${wayfinder.import.rebuild-after-pause.share:0.2}") double rebuildShare,
                   ProjectionRebuilds rebuilds, ProjectionHealth health,
                   DataSource dataSource) {
        this.store = store;
        this.dataSource = dataSource;
        this.projectionPause = new ProjectionPause(axon::eventProcessingConfiguration);
        this.catchUp = new CatchUpAfterImport(rebuilds, health, projectionPause, rebuildMinEvents, rebuildShare);
        this.pauseProjectionsByDefault = pauseProjectionsByDefault;
        this.runner = new HistoryImportRunner(store, transactionManager, jdbc,
                () -> ImportAggregates.create(axon, aggregatesInMemory,
                        new StoredStreams(jdbc, axon.eventSerializer(), axon.upcasterChain())),
                personIds -> identityProtection.sealingFor(personIds)::apply, chunkRows, pipelined);
        this.spoolDirectory = spoolDirectory;
    }

    /** Whether an import pauses the projections when its request does not say. */
    boolean pauseProjectionsByDefault() {
        return pauseProjectionsByDefault;
    }

    /** What this node's views are doing, for the status of {@code importId}. */
    ProjectionPause.Views views(String importId) {
        return importId.equals(pausedBy) ? ProjectionPause.Views.PAUSED : projectionPause.views();
    }

    Path spoolDirectoryFor(String importId) {
        return spoolDirectory.resolve(importId);
    }

    void submit(String importId) {
        executor.submit(() -> store.find(importId)
                .filter(record -> "QUEUED".equals(record.state()) || "RUNNING".equals(record.state()))
                .ifPresent(this::runAlone));
    }

    private void runAlone(HistoryImportStore.ImportRecord record) {
        if (!Files.isDirectory(Path.of(record.spoolDirectory()))) {
            log.warn("Import {} is not resumed here: its spooled files are not on this node.", record.importId());
            return;
        }
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock", record.importId())) {
                log.info("Import {} is running on another node.", record.importId());
                return;
            }
            try {
                store.find(record.importId())
                        .filter(current -> "QUEUED".equals(current.state()) || "RUNNING".equals(current.state()))
                        .ifPresent(this::runPausingIfAsked);
            } finally {
                advisoryLock(lock, "pg_advisory_unlock", record.importId());
            }
        } catch (SQLException e) {
            log.warn("Import {} not started: the database is not reachable ({}).", record.importId(), e.getMessage());
        }
    }

    /**
     * With {@code pause_projections}, this node's tracking processors stop for the import's duration and
     * start again when it ends, however it ends, unless the application is shutting down; when they are far
     * behind by then, after a rebuild of every projection ({@link CatchUpAfterImport}).
     */
    private void runPausingIfAsked(HistoryImportStore.ImportRecord record) {
        if (!record.pauseProjections()) {
            runner.run(record);
            return;
        }
        var stopped = projectionPause.pause();
        pausedBy = record.importId();
        try {
            runner.run(record);
        } finally {
            pausedBy = null;
            if (!closing) {
                catchUp.resume(record.importId(), stopped, () -> closing);
            }
        }
    }

    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }

    private static boolean advisoryLock(Connection connection, String function, String importId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + function + "(hashtextextended(?, 0))")) {
            statement.setString(1, "wayfinder-import:" + importId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Runs before anything else starts an import on this start, so nothing is submitted twice. */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(0)
    void resumeUnfinished() {
        store.unfinished().forEach(record -> {
            log.info("Resuming import {} (was {}).", record.importId(), record.state());
            submit(record.importId());
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}

package org.wayfinder.app.history;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.wayfinder.command.history.ImportAggregates;
import org.wayfinder.command.person.IdentityProtection;

/**
 * Runs imports one at a time on a background thread, so history arrives as one ordered stream (gaps
 * and interleaving in the global index slow every later replay). Imports left QUEUED or RUNNING when
 * the application stopped are resumed from their spooled files when it is ready again.
 */
@Service
class HistoryImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HistoryImports.class);
    /** Per aggregate type; a referral or a person in memory takes of the order of a kilobyte. */
    static final int AGGREGATES_IN_MEMORY = 250_000;

    private final HistoryImportStore store;
    private final HistoryImportRunner runner;
    private final Path spoolDirectory;
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
                   @Value("${wayfinder.import.aggregates-in-memory:" + AGGREGATES_IN_MEMORY + "}") int aggregatesInMemory) {
        this.store = store;
        this.runner = new HistoryImportRunner(store, transactionManager, jdbc,
                () -> ImportAggregates.create(axon, aggregatesInMemory),
                personIds -> identityProtection.sealingFor(personIds)::apply, chunkRows);
        this.spoolDirectory = spoolDirectory;
    }

    Path spoolDirectoryFor(String importId) {
        return spoolDirectory.resolve(importId);
    }

    void submit(String importId) {
        executor.submit(() -> store.find(importId)
                .filter(record -> "QUEUED".equals(record.state()) || "RUNNING".equals(record.state()))
                .ifPresent(runner::run));
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

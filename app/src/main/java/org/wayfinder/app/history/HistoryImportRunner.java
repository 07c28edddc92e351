package org.wayfinder.app.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import org.wayfinder.command.history.CsvRow;
import org.wayfinder.command.history.HistoryRows;
import org.wayfinder.command.history.IdentitySealing;
import org.wayfinder.command.history.ImportCsv;
import org.wayfinder.command.history.ImportStage;
import org.wayfinder.command.history.RowRejected;
import org.wayfinder.command.history.generator.ImportFile;
import org.wayfinder.kernel.access.AccessDenied;
import org.wayfinder.kernel.metadata.EventMetadata;
import org.wayfinder.kernel.rules.BusinessRuleViolation;
import org.wayfinder.kernel.wellbeing.InvalidWellbeingResponse;

/**
 * Applies one spooled import, pass by pass in journey order, each row as the commands the API would
 * send, through the command gateway. A row's commands and its source key are stored together or not at
 * all: Axon's Spring transaction manager joins the transaction opened here, so a key in
 * history_import_row means its events are stored, and a key seen again, in this import or any later
 * one, is skipped. Rows are committed in batches, each row inside its own savepoint, so a refused row
 * rolls back alone while the commit (and the projections' wake-up) is paid once per batch.
 */
class HistoryImportRunner {

    private static final Logger log = LoggerFactory.getLogger(HistoryImportRunner.class);
    private static final int BATCH_ROWS = 250;
    private static final long BATCH_MILLIS = 1000;

    private final HistoryImportStore store;
    private final CommandGateway commandGateway;
    private final PlatformTransactionManager transactionManager;
    private final TransactionTemplate savepoints;
    private final IdentitySealing sealing;

    HistoryImportRunner(HistoryImportStore store, CommandGateway commandGateway,
                        PlatformTransactionManager transactionManager, IdentitySealing sealing) {
        this.store = store;
        this.commandGateway = commandGateway;
        this.transactionManager = transactionManager;
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.sealing = sealing;
    }

    void run(HistoryImportStore.ImportRecord record) {
        String importId = record.importId();
        Attempt attempt = new Attempt(record);
        try {
            store.start(importId);
            Map<ImportFile, Path> files = spooledFiles(Path.of(record.spoolDirectory()));
            store.total(importId, total(files));
            for (ImportStage stage : ImportStage.values()) {
                Path file = files.get(stage.file());
                if (file != null) {
                    ImportCsv.forEachRow(stage.file(), file, row -> attempt.apply(stage, row));
                }
            }
            attempt.commitBatch();
            store.finish(importId, attempt.progress());
            FileSystemUtils.deleteRecursively(Path.of(record.spoolDirectory()));
            log.info("Import {} done: {}", importId, attempt.progress());
        } catch (InterruptedImport e) {
            attempt.abandonBatch();
            // Shutting down: the import stays RUNNING and resumes on the next start.
            log.info("Import {} interrupted; it resumes when the application starts again.", importId);
        } catch (Exception e) {
            attempt.abandonBatch();
            log.error("Import {} failed", importId, e);
            store.fail(importId, e.getClass().getSimpleName() + ": the import stopped; see the application log.");
        }
    }

    static Map<ImportFile, Path> spooledFiles(Path directory) {
        Map<ImportFile, Path> files = new EnumMap<>(ImportFile.class);
        for (ImportFile kind : ImportFile.values()) {
            Path file = directory.resolve(kind.fileName());
            if (Files.isRegularFile(file)) {
                files.put(kind, file);
            }
        }
        return files;
    }

    private static long total(Map<ImportFile, Path> files) throws IOException {
        AtomicLong total = new AtomicLong();
        for (ImportStage stage : ImportStage.values()) {
            Path file = files.get(stage.file());
            if (file != null) {
                ImportCsv.forEachRow(stage.file(), file, row -> {
                    if (HistoryRows.hasWork(stage, row)) {
                        total.incrementAndGet();
                    }
                });
            }
        }
        return total.get();
    }

    /** One run over the files; counts as it goes and publishes its counters with each committed batch. */
    private final class Attempt {
        private final HistoryImportStore.ImportRecord record;
        private final Map<String, Object> metadata;
        private long done;
        private long rejected;
        private long skipped;
        private long events;
        private TransactionStatus batch;
        private int rowsInBatch;
        private long batchStartedAt;

        Attempt(HistoryImportStore.ImportRecord record) {
            this.record = record;
            // Set explicitly, these win over the dispatch interceptor's defaults for a background thread.
            this.metadata = Map.of(
                    EventMetadata.SOURCE, "import:" + record.importId(),
                    EventMetadata.ACTOR_ID, record.startedBy(),
                    EventMetadata.ACTOR_ROLE, record.actorRole(),
                    EventMetadata.ORGANISATION, record.organisation(),
                    EventMetadata.CORRELATION_ID, record.importId());
        }

        HistoryImportStore.Progress progress() {
            return new HistoryImportStore.Progress(done, rejected, skipped, events);
        }

        void apply(ImportStage stage, CsvRow row) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedImport();
            }
            if (!HistoryRows.hasWork(stage, row)) {
                return;
            }
            inBatch();
            String key;
            try {
                key = stage.keyOf(row.sourceKey());
            } catch (RowRejected e) {
                reject(stage, row, null, e.getMessage());
                return;
            }
            var applied = store.applied(key);
            if (applied.isPresent()) {
                // Applied by an earlier attempt of this import counts as done; by another import, as skipped.
                if (applied.get().importId().equals(record.importId())) {
                    done++;
                    events += applied.get().events();
                } else {
                    skipped++;
                }
            } else {
                try {
                    Integer appended = savepoints.execute(status -> {
                        List<Object> commands = HistoryRows.commands(stage, row, sealing);
                        if (!store.claim(key, record.importId(), stage.name(), commands.size())) {
                            return null;
                        }
                        for (Object command : commands) {
                            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                    .andMetaData(metadata));
                        }
                        return commands.size();
                    });
                    if (appended == null) {
                        skipped++;
                    } else {
                        done++;
                        events += appended;
                    }
                } catch (RuntimeException e) {
                    reject(stage, row, key, reason(unwrapped(e)));
                }
            }
            if (++rowsInBatch >= BATCH_ROWS || System.currentTimeMillis() - batchStartedAt >= BATCH_MILLIS) {
                commitBatch();
            }
        }

        /** Errors are stored in the batch: if it is lost, so are the rows they stand beside, and both come back on resume. */
        private void reject(ImportStage stage, CsvRow row, String key, String reason) {
            rejected++;
            store.reject(record.importId(), new HistoryImportStore.ImportError(row.file().name(), row.lineNumber(),
                    key, stage.name(), reason));
        }

        private void inBatch() {
            if (batch == null) {
                batch = transactionManager.getTransaction(TransactionDefinition.withDefaults());
                store.relaxCommitDurability();
                batchStartedAt = System.currentTimeMillis();
                rowsInBatch = 0;
            }
        }

        /** Commits the open batch, then publishes counters that now match what is stored. */
        void commitBatch() {
            if (batch != null) {
                TransactionStatus committing = batch;
                batch = null;
                transactionManager.commit(committing);
                store.progress(record.importId(), progress());
            }
        }

        void abandonBatch() {
            if (batch != null && !batch.isCompleted()) {
                TransactionStatus abandoned = batch;
                batch = null;
                transactionManager.rollback(abandoned);
            }
        }
    }

    private static Throwable unwrapped(RuntimeException e) {
        Throwable cause = e;
        while (cause instanceof CommandExecutionException && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The refusal in words fit for the error list. Domain messages name the rule and never personal
     * data; anything else gets a generic reason, and infrastructure failures stop the import instead.
     */
    static String reason(Throwable e) {
        if (e instanceof TransientDataAccessException || e instanceof DataAccessResourceFailureException
                || e instanceof CannotCreateTransactionException) {
            throw (RuntimeException) e;
        }
        if (e instanceof RowRejected || e instanceof AccessDenied || e instanceof InvalidWellbeingResponse) {
            return e.getMessage();
        }
        if (e instanceof BusinessRuleViolation violation) {
            return violation.getMessage() + " (rule " + violation.rule() + ")";
        }
        if (e instanceof AggregateNotFoundException) {
            return "The record this row refers to does not exist: it was not imported, or its row was rejected.";
        }
        if (e instanceof AggregateStreamCreationException || e instanceof ConcurrencyException) {
            return "A record with this id already exists (imported under another source key, or entered live).";
        }
        log.warn("An import row failed unexpectedly: {}", e.getClass().getName());
        return "The row could not be applied (" + e.getClass().getSimpleName() + ").";
    }

    /** Thrown from inside the row loop when the executor is shut down. */
    private static final class InterruptedImport extends RuntimeException {
    }
}

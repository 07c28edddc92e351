package org.wayfinder.app.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.util.FileSystemUtils;
import org.wayfinder.command.history.CsvRow;
import org.wayfinder.command.history.HistoryRows;
import org.wayfinder.command.history.IdentitySealing;
import org.wayfinder.command.history.ImportAggregates;
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
 * send, to the same aggregates and their command handlers ({@link ImportAggregates}), in chunks of
 * rows. A chunk is one database transaction and one Axon unit of work: its commands run in memory
 * against the aggregates, then its events are appended in one batch together with its rows' source
 * keys, its refused rows and the progress counters. So a key in history_import_row means its events
 * are stored, a key seen again, in this import or any later one, is skipped, and a crash loses whole
 * chunks, which the resumed import applies again.
 * <p>
 * A row the aggregates refuse is found before anything of its chunk is written: the chunk is dropped
 * in memory, the row is reported, and the rows before and after it are applied again without it.
 * Nothing is inserted and then rolled back on that path, so the global index stays free of gaps.
 */
class HistoryImportRunner {

    private static final Logger log = LoggerFactory.getLogger(HistoryImportRunner.class);
    static final int CHUNK_ROWS = 2_000;
    private static final int STORE_ATTEMPTS = 3;

    private final HistoryImportStore store;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final Supplier<ImportAggregates> aggregatesFactory;
    private final Function<Collection<String>, IdentitySealing> sealingFor;
    private final int chunkRows;

    HistoryImportRunner(HistoryImportStore store, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
                        Supplier<ImportAggregates> aggregatesFactory,
                        Function<Collection<String>, IdentitySealing> sealingFor, int chunkRows) {
        this.store = store;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.aggregatesFactory = aggregatesFactory;
        this.sealingFor = sealingFor;
        this.chunkRows = chunkRows;
    }

    void run(HistoryImportStore.ImportRecord record) {
        String importId = record.importId();
        Attempt attempt = new Attempt(record, aggregatesFactory.get());
        try {
            store.start(importId);
            Map<ImportFile, Path> files = spooledFiles(Path.of(record.spoolDirectory()));
            store.total(importId, total(files));
            for (ImportStage stage : ImportStage.values()) {
                Path file = files.get(stage.file());
                if (file != null) {
                    ImportCsv.forEachRow(stage.file(), file, row -> attempt.add(stage, row));
                }
            }
            attempt.flush();
            store.finish(importId, attempt.progress());
            FileSystemUtils.deleteRecursively(Path.of(record.spoolDirectory()));
            log.info("Import {} done: {}", importId, attempt.progress());
        } catch (InterruptedImport e) {
            // Shutting down: the import stays RUNNING and resumes on the next start.
            log.info("Import {} interrupted; it resumes when the application starts again.", importId);
        } catch (Exception | Error e) {
            // An Error too: an import left RUNNING by a dead thread would never end nor resume.
            log.error("Import {} failed", importId, e);
            store.fail(importId, e.getClass().getSimpleName() + ": the import stopped; see the application log.");
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
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

    /** A row with work in one pass, and its source key in that pass. */
    private record Pending(ImportStage stage, CsvRow row, String key, int position) {
    }

    /** A refused row, placed by its position among the rows gathered for one flush. */
    private record Refusal(HistoryImportStore.ImportError error, int position) {
    }

    /** How one try at storing rows ended: stored, or refused at one row with nothing stored. */
    private record Outcome(int refusedAt, String reason) {
        static final Outcome STORED = new Outcome(-1, null);

        boolean stored() {
            return refusedAt < 0;
        }
    }

    /** One run over the files; counts as it goes and publishes its counters with each stored chunk. */
    private final class Attempt {
        private final HistoryImportStore.ImportRecord record;
        private final ImportAggregates aggregates;
        private final Map<String, Object> metadata;
        private final List<Pending> chunk = new ArrayList<>();
        private final List<Refusal> unsavedErrors = new ArrayList<>();
        private int positions;
        private Instant flushStartedAt = Instant.EPOCH;
        private long done;
        private long rejected;
        private long skipped;
        private long events;

        Attempt(HistoryImportStore.ImportRecord record, ImportAggregates aggregates) {
            this.record = record;
            this.aggregates = aggregates;
            // Set explicitly: the import's commands carry its actor and batch, whoever runs the thread.
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

        void add(ImportStage stage, CsvRow row) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedImport();
            }
            if (!HistoryRows.hasWork(stage, row)) {
                return;
            }
            int position = positions++;
            try {
                chunk.add(new Pending(stage, row, stage.keyOf(row.sourceKey()), position));
            } catch (RowRejected e) {
                reject(new Pending(stage, row, null, position), e.getMessage());
            }
            if (chunk.size() >= chunkRows) {
                flush();
            }
        }

        /** Applies the rows gathered so far: those applied before are counted, the others stored in chunks. */
        void flush() {
            // Refusals are stamped by row position from here, so the report keeps file order, however the
            // chunk is split to find them.
            Instant now = store.instant().truncatedTo(ChronoUnit.MICROS);
            flushStartedAt = now.isAfter(flushStartedAt) ? now : flushStartedAt.plus(1, ChronoUnit.MICROS);
            List<Pending> todo = new ArrayList<>();
            Map<String, HistoryImportStore.AppliedRow> applied = store.applied(chunk.stream().map(Pending::key).toList());
            for (Pending pending : chunk) {
                HistoryImportStore.AppliedRow earlier = applied.get(pending.key());
                if (earlier == null) {
                    todo.add(pending);
                } else if (earlier.importId().equals(record.importId())) {
                    // Applied by an earlier attempt of this import counts as done; by another import, as skipped.
                    done++;
                    events += earlier.events();
                } else {
                    skipped++;
                }
            }
            chunk.clear();
            Deque<List<Pending>> segments = new ArrayDeque<>();
            segments.add(todo);
            while (!segments.isEmpty()) {
                List<Pending> segment = segments.removeFirst();
                if (segment.isEmpty()) {
                    continue;
                }
                Outcome outcome = store(segment);
                if (!outcome.stored()) {
                    reject(segment.get(outcome.refusedAt()), outcome.reason());
                    segments.addFirst(segment.subList(outcome.refusedAt() + 1, segment.size()));
                    segments.addFirst(segment.subList(0, outcome.refusedAt()));
                }
            }
            if (!unsavedErrors.isEmpty()) {
                inTransaction(() -> {
                    saveErrorsAndProgress();
                    return null;
                });
            }
            flushStartedAt = flushStartedAt.plus(positions, ChronoUnit.MICROS);
            positions = 0;
        }

        /** Stores the rows as one chunk; a conflict with a live command is retried with fresh aggregates. */
        private Outcome store(List<Pending> rows) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return tryToStore(rows);
                } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
                    // A stream changed outside the import since it was loaded: forget what is held and try again.
                    aggregates.forgetAll();
                    if (attempt >= STORE_ATTEMPTS) {
                        throw conflict;
                    }
                    log.info("Import {}: a chunk met a concurrent change; retrying it.", record.importId());
                }
            }
        }

        private Outcome tryToStore(List<Pending> rows) {
            TransactionStatus transaction = transactionManager.getTransaction(TransactionDefinition.withDefaults());
            UnitOfWork<?> unitOfWork = null;
            boolean stored = false;
            try {
                store.relaxCommitDurability();
                IdentitySealing sealing = sealingFor.apply(peopleIn(rows));
                List<List<Object>> commands = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    Pending pending = rows.get(i);
                    try {
                        commands.add(HistoryRows.commands(pending.stage(), pending.row(), sealing));
                    } catch (RuntimeException e) {
                        return new Outcome(i, reason(e));
                    }
                }
                Set<String> taken = store.claim(record.importId(), claims(rows, commands));
                unitOfWork = DefaultUnitOfWork.startAndGet(null);
                int[] createdAfterRow = new int[rows.size()];
                int appliedRows = 0;
                long appliedEvents = 0;
                for (int i = 0; i < rows.size(); i++) {
                    if (!taken.contains(rows.get(i).key())) {
                        for (Object command : commands.get(i)) {
                            try {
                                aggregates.commandGateway().sendAndWait(
                                        GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
                            } catch (RuntimeException e) {
                                return new Outcome(i, reason(unwrapped(e)));
                            }
                        }
                        appliedRows++;
                        appliedEvents += commands.get(i).size();
                    }
                    createdAfterRow[i] = aggregates.createdCount();
                }
                int existing = firstRowCreatingAnExistingStream(createdAfterRow);
                if (existing >= 0) {
                    return new Outcome(existing,
                            reason(new AggregateStreamCreationException("The stream already exists.")));
                }
                long rowsSkipped = rows.size() - appliedRows;
                done += appliedRows;
                events += appliedEvents;
                skipped += rowsSkipped;
                try {
                    saveErrorsAndProgress();
                    unitOfWork.commit();
                    unitOfWork = null;
                    transactionManager.commit(transaction);
                    stored = true;
                } finally {
                    if (!stored) {
                        done -= appliedRows;
                        events -= appliedEvents;
                        skipped -= rowsSkipped;
                    }
                }
                aggregates.chunkStored();
                return Outcome.STORED;
            } finally {
                if (!stored) {
                    if (unitOfWork != null && unitOfWork.isActive()) {
                        unitOfWork.rollback();
                    }
                    if (!transaction.isCompleted()) {
                        transactionManager.rollback(transaction);
                    }
                    aggregates.chunkAbandoned();
                }
                if (CurrentUnitOfWork.isStarted()) {
                    log.warn("A unit of work was left open by an import chunk; it is rolled back.");
                    CurrentUnitOfWork.get().rollback();
                }
            }
        }

        /** The row that created a stream already stored (imported under another key, or entered live), if any. */
        private int firstRowCreatingAnExistingStream(int[] createdAfterRow) {
            List<String> created = List.copyOf(aggregates.createdInChunk());
            if (created.isEmpty()) {
                return -1;
            }
            Set<String> existing = new HashSet<>(jdbc.query(connection -> {
                var select = connection.prepareStatement(
                        "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE aggregate_identifier = ANY (?)");
                select.setArray(1, connection.createArrayOf("varchar", created.toArray()));
                return select;
            }, (rs, n) -> rs.getString(1)));
            if (existing.isEmpty()) {
                return -1;
            }
            for (int position = 0; position < created.size(); position++) {
                if (existing.contains(created.get(position))) {
                    for (int row = 0; row < createdAfterRow.length; row++) {
                        if (createdAfterRow[row] > position) {
                            return row;
                        }
                    }
                }
            }
            return -1;
        }

        private List<HistoryImportStore.Claim> claims(List<Pending> rows, List<List<Object>> commands) {
            List<HistoryImportStore.Claim> claims = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                claims.add(new HistoryImportStore.Claim(rows.get(i).key(), rows.get(i).stage().name(),
                        commands.get(i).size()));
            }
            return claims;
        }

        private Collection<String> peopleIn(List<Pending> rows) {
            Set<String> people = new HashSet<>();
            for (Pending pending : rows) {
                if (pending.stage() == ImportStage.PEOPLE) {
                    pending.row().optional("person_id").ifPresent(people::add);
                }
            }
            return people;
        }

        /** Errors are stored with the next chunk: if it is lost, so are they, and both come back on resume. */
        private void reject(Pending pending, String reason) {
            rejected++;
            unsavedErrors.add(new Refusal(new HistoryImportStore.ImportError(pending.row().file().name(),
                    pending.row().lineNumber(), pending.key(), pending.stage().name(), reason), pending.position()));
        }

        private void saveErrorsAndProgress() {
            store.reject(record.importId(), unsavedErrors.stream().map(refusal -> new HistoryImportStore.TimedError(
                    refusal.error(), flushStartedAt.plus(refusal.position(), ChronoUnit.MICROS))).toList());
            store.progress(record.importId(), progress());
            unsavedErrors.clear();
        }

        private <T> T inTransaction(Supplier<T> work) {
            TransactionStatus transaction = transactionManager.getTransaction(TransactionDefinition.withDefaults());
            try {
                T result = work.get();
                transactionManager.commit(transaction);
                return result;
            } catch (RuntimeException e) {
                if (!transaction.isCompleted()) {
                    transactionManager.rollback(transaction);
                }
                throw e;
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

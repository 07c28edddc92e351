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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
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
 * chunks, which the resumed import applies again. A writer thread stores each chunk while the import
 * thread handles the next one in memory; whatever only the database can refuse sends both back to the
 * one-chunk-at-a-time path (docs/import-format.md, "Two threads").
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
    /** Stores each chunk while the import thread handles the next one; null to do both in the import thread. */
    private final ExecutorService writer;

    HistoryImportRunner(HistoryImportStore store, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
                        Supplier<ImportAggregates> aggregatesFactory,
                        Function<Collection<String>, IdentitySealing> sealingFor, int chunkRows, boolean pipelined) {
        this.store = store;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.aggregatesFactory = aggregatesFactory;
        this.sealingFor = sealingFor;
        this.chunkRows = chunkRows;
        this.writer = !pipelined ? null : Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "history-import-writer");
            thread.setDaemon(true);
            return thread;
        });
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
            attempt.finish();
            store.finish(importId, attempt.progress());
            FileSystemUtils.deleteRecursively(Path.of(record.spoolDirectory()));
            log.info("Import {} done: {}", importId, attempt.progress());
        } catch (InterruptedImport e) {
            attempt.awaitQuietly();
            // Shutting down: the import stays RUNNING and resumes on the next start.
            log.info("Import {} interrupted; it resumes when the application starts again.", importId);
        } catch (Exception | Error e) {
            // An Error too: an import left RUNNING by a dead thread would never end nor resume.
            attempt.awaitQuietly();
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

    /**
     * How one try at storing rows ended: stored; or, with nothing stored, refused at one row, or met keys that
     * another import claimed meanwhile ({@code taken}).
     */
    private record Outcome(int refusedAt, String reason, Set<String> taken) {
        static final Outcome STORED = new Outcome(-1, null, null);

        Outcome(int refusedAt, String reason) {
            this(refusedAt, reason, null);
        }

        static Outcome taken(Set<String> keys) {
            return new Outcome(0, null, Set.copyOf(keys));
        }

        boolean stored() {
            return refusedAt < 0;
        }
    }

    /** A chunk handled in memory and ready to store: its rows' claims, its events, the streams it creates. */
    private record Prepared(List<Pending> rows, Set<String> taken, List<HistoryImportStore.Claim> claims,
                            List<EventMessage<?>> events, List<String> created, int[] createdAfterRow,
                            long appliedRows, long appliedEvents, long skippedRows) {
    }

    /** The chunk the writer is storing: what to count once it is stored, or to apply again if it is not. */
    private record InFlight(Prepared chunk, List<HistoryImportStore.TimedError> errors, Instant stampedFrom,
                            Future<Outcome> result) {
    }

    /** One run over the files; counts as it goes and publishes its counters with each stored chunk. */
    private final class Attempt {
        private final HistoryImportStore.ImportRecord record;
        private final ImportAggregates aggregates;
        private final Map<String, Object> metadata;
        private final List<Pending> chunk = new ArrayList<>();
        private final List<Refusal> unsavedErrors = new ArrayList<>();
        /** Refusals already stamped, handed to a chunk that was not stored: they go with the next one. */
        private final List<HistoryImportStore.TimedError> carriedErrors = new ArrayList<>();
        private InFlight inFlight;
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
            if (writer != null && !todo.isEmpty()) {
                handOver(todo);
            } else {
                settle();
                storeInSegments(todo);
            }
            // Only refusals not handed to a chunk wait for the writer here; otherwise it goes on storing the
            // chunk while this thread reads and handles the next.
            if (!unsavedErrors.isEmpty() || !carriedErrors.isEmpty()) {
                saveHeldErrors();
            }
            flushStartedAt = flushStartedAt.plus(positions, ChronoUnit.MICROS);
            positions = 0;
        }

        /** After the last flush: waits for the writer and stores any refusals still held. */
        void finish() {
            saveHeldErrors();
        }

        /** Refusals not handed to a stored chunk are saved on their own, once the writer is done. */
        private void saveHeldErrors() {
            settle();
            if (!unsavedErrors.isEmpty() || !carriedErrors.isEmpty()) {
                inTransaction(() -> {
                    saveErrorsAndProgress(errorsToSave(), progress());
                    return null;
                });
            }
        }

        /** The counters as they will stand once the chunk is stored. */
        private HistoryImportStore.Progress progressWith(Prepared chunk) {
            return new HistoryImportStore.Progress(done + chunk.appliedRows(), rejected,
                    skipped + chunk.skippedRows(), events + chunk.appliedEvents());
        }

        private void count(Prepared stored) {
            done += stored.appliedRows();
            events += stored.appliedEvents();
            skipped += stored.skippedRows();
        }

        /**
         * Handles the rows in memory here and has the writer thread store them, while this thread goes on with the
         * next rows. Anything unusual (a refused row, a conflict with another writer, a stream that exists) is
         * left to {@link #storeInSegments}, once everything before it is stored.
         */
        private void handOver(List<Pending> rows) {
            Object prepared = prepare(rows, Set.of());
            if (!(prepared instanceof Prepared chunkReady)) {
                // A row is refused: what was handled in memory is dropped, and the rows go the one-chunk-at-a-time
                // way once the store holds everything before them, so refused rows are found and reported.
                settle();
                aggregates.chunkAbandoned();
                storeInSegments(rows);
                return;
            }
            aggregates.chunkStored();
            if (!settle()) {
                // The chunk before failed to store and was applied again; this one was handled on state that is gone.
                aggregates.forgetAll();
                storeInSegments(rows);
                return;
            }
            List<HistoryImportStore.TimedError> errors = errorsToSave();
            HistoryImportStore.Progress after = progressWith(chunkReady);
            Instant stampedFrom = flushStartedAt;
            inFlight = new InFlight(chunkReady, errors, stampedFrom,
                    writer.submit(() -> write(chunkReady, errors, after)));
        }

        /**
         * Waits for the chunk the writer is storing, if any, and counts it. A chunk it could not store (a conflict or
         * a refusal found only in the database) is applied again the one-chunk-at-a-time way; false then.
         */
        boolean settle() {
            InFlight writing = inFlight;
            if (writing == null) {
                return true;
            }
            inFlight = null;
            Outcome outcome;
            try {
                outcome = writing.result().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                awaitQuietly(writing);
                throw new InterruptedImport();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof ConcurrencyException) && !(cause instanceof AggregateStreamCreationException)) {
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
                outcome = new Outcome(0, null);
            }
            if (outcome.stored()) {
                count(writing.chunk());
                return true;
            }
            log.info("Import {}: a chunk could not be stored as handled in memory; applying it again one chunk at a time.",
                    record.importId());
            // Nothing of it was written: apply its rows again, stamped as they were, before anything after them.
            // Its errors go with the next chunk stored; those found since are stamped now and follow them.
            aggregates.forgetAll();
            List<HistoryImportStore.TimedError> since = errorsToSave();
            carriedErrors.addAll(writing.errors());
            Instant current = flushStartedAt;
            flushStartedAt = writing.stampedFrom();
            try {
                storeInSegments(writing.chunk().rows());
            } finally {
                flushStartedAt = current;
                carriedErrors.addAll(since);
            }
            return false;
        }

        /** Waits for the writer without looking at the outcome: the import is stopping anyway. */
        void awaitQuietly() {
            InFlight writing = inFlight;
            inFlight = null;
            if (writing != null) {
                awaitQuietly(writing);
            }
        }

        private static void awaitQuietly(InFlight writing) {
            boolean interrupted = false;
            while (true) {
                try {
                    writing.result().get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | CancellationException e) {
                    break;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Stores the rows chunk by chunk in this thread, splitting around each refused row. */
        private void storeInSegments(List<Pending> todo) {
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
        }

        /** Stores the rows as one chunk; a conflict with a live command is retried with fresh aggregates. */
        private Outcome store(List<Pending> rows) {
            Set<String> taken = Set.of();
            for (int attempt = 1; ; attempt++) {
                try {
                    Object prepared = prepare(rows, taken);
                    if (!(prepared instanceof Prepared chunkReady)) {
                        aggregates.chunkAbandoned();
                        return (Outcome) prepared;
                    }
                    aggregates.chunkStored();
                    List<HistoryImportStore.TimedError> errors = errorsToSave();
                    Outcome outcome;
                    try {
                        outcome = write(chunkReady, errors, progressWith(chunkReady));
                    } catch (RuntimeException | Error e) {
                        carriedErrors.addAll(0, errors);
                        throw e;
                    }
                    if (outcome.stored()) {
                        count(chunkReady);
                        return outcome;
                    }
                    carriedErrors.addAll(0, errors);
                    aggregates.forgetAll();
                    if (outcome.taken() == null) {
                        return outcome;
                    }
                    // Rows claimed meanwhile by another import: handle the chunk again without them.
                    Set<String> more = new HashSet<>(taken);
                    more.addAll(outcome.taken());
                    taken = more;
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

        /**
         * Runs the rows' commands against the aggregates, in memory: the chunk's events, or the refusal of a row
         * (with nothing kept of the others). Rows whose keys are in {@code taken} are skipped. Writes nothing but
         * the people's keys.
         */
        private Object prepare(List<Pending> rows, Set<String> taken) {
            UnitOfWork<?> unitOfWork = null;
            boolean prepared = false;
            try {
                // The people's keys are stored here, before their chunk: a key whose chunk is never stored is
                // found again (not made anew) when the rows are applied again.
                Collection<String> people = peopleIn(rows);
                IdentitySealing sealing = people.isEmpty() ? sealingFor.apply(people)
                        : inTransaction(() -> sealingFor.apply(people));
                List<List<Object>> commands = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    Pending pending = rows.get(i);
                    try {
                        commands.add(HistoryRows.commands(pending.stage(), pending.row(), sealing));
                    } catch (RuntimeException e) {
                        return new Outcome(i, reason(e));
                    }
                }
                aggregates.prefetch(streamsLoadedBy(rows));
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
                unitOfWork.commit();
                unitOfWork = null;
                prepared = true;
                return new Prepared(rows, taken, claims(rows, commands), aggregates.takePublished(),
                        List.copyOf(aggregates.createdInChunk()), createdAfterRow, appliedRows, appliedEvents,
                        rows.size() - appliedRows);
            } finally {
                if (unitOfWork != null && unitOfWork.isActive()) {
                    unitOfWork.rollback();
                }
                if (CurrentUnitOfWork.isStarted()) {
                    log.warn("A unit of work was left open by an import chunk; it is rolled back.");
                    CurrentUnitOfWork.get().rollback();
                }
                if (!prepared) {
                    aggregates.takePublished();
                }
            }
        }

        /**
         * Stores a chunk handled in memory in one transaction: its keys, its events (through the event store, so
         * the hash chain, the metrics and key shredding see them as any others), the errors and the counters.
         * Refuses, writing nothing, if a key was claimed meanwhile or a stream it creates exists already.
         */
        private Outcome write(Prepared chunkReady, List<HistoryImportStore.TimedError> errors,
                              HistoryImportStore.Progress after) {
            TransactionStatus transaction = transactionManager.getTransaction(TransactionDefinition.withDefaults());
            UnitOfWork<?> unitOfWork = null;
            try {
                store.relaxCommitDurability();
                Set<String> claimedElsewhere = new HashSet<>(store.claim(record.importId(), chunkReady.claims()));
                claimedElsewhere.removeAll(chunkReady.taken());
                if (!claimedElsewhere.isEmpty()) {
                    return Outcome.taken(claimedElsewhere);
                }
                int existing = firstRowCreatingAnExistingStream(chunkReady.created(), chunkReady.createdAfterRow());
                if (existing >= 0) {
                    return new Outcome(existing,
                            reason(new AggregateStreamCreationException("The stream already exists.")));
                }
                store.holdOtherAppendsUntilCommit();
                unitOfWork = DefaultUnitOfWork.startAndGet(null);
                aggregates.eventStore().publish(chunkReady.events());
                saveErrorsAndProgress(errors, after);
                unitOfWork.commit();
                unitOfWork = null;
                transactionManager.commit(transaction);
                return Outcome.STORED;
            } finally {
                if (unitOfWork != null && unitOfWork.isActive()) {
                    unitOfWork.rollback();
                }
                if (!transaction.isCompleted()) {
                    transactionManager.rollback(transaction);
                }
            }
        }

        /** The row that created a stream already stored (imported under another key, or entered live), if any. */
        private int firstRowCreatingAnExistingStream(List<String> created, int[] createdAfterRow) {
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

        /** The referrals and people the rows' commands will load (rather than create). */
        private Collection<String> streamsLoadedBy(List<Pending> rows) {
            Set<String> ids = new HashSet<>();
            for (Pending pending : rows) {
                switch (pending.stage()) {
                    case CONNECTIONS, ATTENDANCES, WELLBEING, CLOSURES ->
                            pending.row().optional("referral_id").ifPresent(ids::add);
                    case MERGES, ERASURES -> {
                        pending.row().optional("person_id").ifPresent(ids::add);
                        pending.row().optional("merged_into_person_id").ifPresent(ids::add);
                    }
                    default -> {
                    }
                }
            }
            return ids;
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

        /** The refusals not yet stored, stamped by their position in this flush, and no longer held. */
        private List<HistoryImportStore.TimedError> errorsToSave() {
            List<HistoryImportStore.TimedError> errors = new ArrayList<>(carriedErrors);
            unsavedErrors.forEach(refusal -> errors.add(new HistoryImportStore.TimedError(
                    refusal.error(), flushStartedAt.plus(refusal.position(), ChronoUnit.MICROS))));
            carriedErrors.clear();
            unsavedErrors.clear();
            return errors;
        }

        private void saveErrorsAndProgress(List<HistoryImportStore.TimedError> errors,
                                           HistoryImportStore.Progress after) {
            store.reject(record.importId(), errors);
            store.progress(record.importId(), after);
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

package org.wayfinder.projection.rebuild;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wayfinder.projection.catalogue.ProjectionCatalogue;
import org.wayfinder.projection.support.BulkBuild;

/**
 * Rebuilds projections without downtime and at the speed of one read of the event stream.
 *
 * <p>A rebuild reads the event store once, in large batches, and feeds every selected projection's own event
 * handlers (through its processor's handler invoker) in one batching unit of work and one transaction per batch,
 * so {@code BatchedWrites} flushes once per batch. The build phase's units of work are marked ({@link BulkBuild}):
 * projections that defer derived tables compute them once at its end ({@link #completeBuild}). The handlers write into a schema of the rebuild's own whose
 * tables are copies of the live ones ({@code SET LOCAL search_path}), while the live views keep serving and
 * their processors keep running. Once caught up, the live processors stop, and one transaction reads the
 * last events, moves the live tables aside, moves the rebuilt ones into {@code public} and sets each
 * processor's token to the position reached. The processors then start again from there and the old
 * tables are dropped.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    /** As Axon's gap-aware tokens: an index missing further back than this is taken as never to come. */
    private static final int GAP_WINDOW = 10_000;
    /** How often a writer tries to get a connection (about a second apart) before the rebuild fails. */
    private static final int CONNECTION_ATTEMPTS = 60;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<EventProcessingConfiguration> eventProcessing;
    private final EventStream stream;
    private final RebuildStore store;
    private final ObjectProvider<BulkBuild.Deferring> deferring;
    private final int batchSize;
    /**
     * Writer threads, each writing one projection's share of a batch at a time: at most
     * {@code wayfinder.rebuild.writers} at once, so a rebuild holds that many pooled connections besides its reader.
     */
    private final ExecutorService writers;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionRebuilds(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                              ObjectProvider<EventProcessingConfiguration> eventProcessing,
                              ObjectProvider<org.axonframework.config.Configuration> axon,
                              @Qualifier("eventSerializer") Serializer eventSerializer, Clock clock,
                              ObjectProvider<BulkBuild.Deferring> deferring,
                              @Value("${wayfinder.rebuild.batch-size:5000}") int batchSize,
                              @Value("${wayfinder.rebuild.writers:3}") int writerThreads) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.eventProcessing = eventProcessing;
        this.stream = new EventStream(jdbc, eventSerializer, () -> axon.getObject().upcasterChain());
        this.store = new RebuildStore(jdbc, clock);
        this.deferring = deferring;
        this.batchSize = batchSize;
        this.writers = Executors.newFixedThreadPool(Math.max(1, writerThreads), task -> {
            Thread thread = new Thread(task, "projection-rebuild-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A projection name that is not in the catalogue or has no event processor here. */
    public static final class UnknownProjection extends RuntimeException {
        public UnknownProjection(String name) {
            super("No projection named '" + name + "'.");
        }
    }

    /** Another rebuild is queued or running. */
    public static final class RebuildAlreadyRunning extends RuntimeException {
        private final UUID running;

        RebuildAlreadyRunning(UUID running) {
            super("Rebuild " + running + " is still running; one rebuild runs at a time.");
            this.running = running;
        }

        public UUID running() {
            return running;
        }
    }

    /** The projections a rebuild can cover: the catalogue's, each with its event processor. */
    public List<String> projections() {
        return ProjectionCatalogue.ALL.stream().map(ProjectionCatalogue.Projection::name)
                .filter(name -> processor(name).isPresent()).toList();
    }

    /** Queues a rebuild of the named projections and starts it in the background. */
    public RebuildStatus start(List<String> names, String requestedBy) {
        List<String> known = projections();
        for (String name : names) {
            if (!known.contains(name)) {
                throw new UnknownProjection(name);
            }
        }
        List<String> selected = known.stream().filter(names::contains).toList();
        store.active().ifPresent(active -> {
            throw new RebuildAlreadyRunning(active.id());
        });
        UUID id = UUID.randomUUID();
        String schema = "rebuild_" + id.toString().replace("-", "").substring(0, 16);
        if (!store.queue(id, selected, requestedBy, schema)) {
            throw new RebuildAlreadyRunning(store.active().map(RebuildStatus::id).orElse(null));
        }
        runner.submit(() -> run(id, selected, schema));
        return store.find(id).orElseThrow();
    }

    public Optional<RebuildStatus> status(UUID id) {
        return store.find(id);
    }

    /** A rebuild that was running when the process stopped cannot be resumed here: it failed, and its build is dropped. */
    @EventListener(ApplicationReadyEvent.class)
    public void failInterruptedRebuilds() {
        for (String schema : store.interrupted()) {
            log.warn("A rebuild was interrupted by a stop; dropping its build schema {}", schema);
            dropSchema(schema);
        }
        jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'retired\\_%'", String.class)
                .forEach(this::dropSchema);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        runner.shutdownNow();
        writers.shutdownNow();
    }

    /**
     * One selected projection: its tables, the indexes only readers use (created when the build phase ends), and the
     * handler invoker of its event processor.
     */
    public record Target(String name, List<String> tables, List<String> readerIndexes, EventProcessor processor,
                         EventHandlerInvoker invoker) {
    }

    /** How far a build got: the last index read, events read, what each projection handled, recent gaps. */
    public static final class Progress {
        long position;
        long processed;
        final long[] handled;
        final NavigableSet<Long> gaps = new TreeSet<>();

        Progress(int projections) {
            handled = new long[projections];
        }

        TrackingToken token() {
            return GapAwareTrackingToken.newInstance(position, gaps.tailSet(position - GAP_WINDOW, false));
        }
    }

    private void run(UUID id, List<String> names, String schema) {
        String retired = schema.replace("rebuild_", "retired_");
        try {
            List<Target> targets = names.stream().map(this::target).toList();
            createBuildSchema(schema, targets);
            long head = stream.head();
            store.started(id, stream.count(0, head, null));
            Progress progress = new Progress(targets.size());
            build(id, schema, targets, progress, head, null);
            // Catch up with what was appended meanwhile, while the live processors still run.
            for (int round = 0; round < 20; round++) {
                long now = stream.head();
                if (now - progress.position <= batchSize) {
                    break;
                }
                store.total(id, progress.processed + stream.count(progress.position, now, null));
                build(id, schema, targets, progress, now, null);
            }
            completeBuild(schema, targets);
            takeOver(id, schema, retired, targets, progress);
            dropSchema(retired);
            log.info("Rebuild {} of {} caught up at global index {} after {} events", id, names, progress.position,
                    progress.processed);
        } catch (RuntimeException | Error e) {
            log.error("Rebuild {} of {} failed", id, names, e);
            store.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage());
            dropSchema(schema);
        }
    }

    /**
     * Feeds the selected projections every event after the progress's position up to {@code upTo}, batch by
     * batch, as a build phase: the caller ends it with {@link #completeBuild} before the tables are read.
     */
    void build(UUID id, String schema, List<Target> targets, Progress progress, long upTo, String recordedBefore) {
        build(id, schema, targets, progress, upTo, recordedBefore, message -> true);
    }

    /**
     * As above, handing the projections only the events {@code include} accepts. Each batch is read and
     * deserialised once; then every projection handles it on a writer thread of its own, in its own transaction,
     * while the next batch is read.
     */
    void build(UUID id, String schema, List<Target> targets, Progress progress, long upTo, String recordedBefore,
               Predicate<EventMessage<?>> include) {
        List<EventStream.Row> rows = progress.position < upTo
                ? stream.read(progress.position, upTo, batchSize, recordedBefore) : List.of();
        while (!rows.isEmpty()) {
            List<TrackedEventMessage<?>> messages = deserialised(rows);
            long[] handled = new long[targets.size()];
            List<Future<?>> writing = new ArrayList<>(targets.size());
            for (int i = 0; i < targets.size(); i++) {
                int target = i;
                writing.add(writers.submit(() -> whenConnected(() -> transactions.executeWithoutResult(status ->
                        handled[target] = handle(schema, List.of(targets.get(target)), messages, true, include)[0]))));
            }
            long last = rows.get(rows.size() - 1).globalIndex();
            List<EventStream.Row> next;
            try {
                next = last < upTo ? stream.read(last, upTo, batchSize, recordedBefore) : List.of();
            } finally {
                awaitAll(writing);
            }
            advance(progress, rows, handled);
            if (id != null) {
                store.progress(id, progress.position, progress.processed, targets.stream().map(Target::name).toList(),
                        progress.handled);
            }
            rows = next;
        }
        progress.position = Math.max(progress.position, upTo);
    }

    /**
     * Runs a writer's transaction, trying again while no pooled connection can be had (the processors and
     * requests may hold them all for a while): nothing was written then, since the transaction never began.
     */
    private static void whenConnected(Runnable transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.run();
                return;
            } catch (org.springframework.transaction.CannotCreateTransactionException busy) {
                if (attempt >= CONNECTION_ATTEMPTS) {
                    throw busy;
                }
                log.warn("A rebuild writer got no database connection (attempt {} of {}); trying again", attempt,
                        CONNECTION_ATTEMPTS);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }

    /** The rows as messages with payload and metadata deserialised, so writer threads share them read-only. */
    private List<TrackedEventMessage<?>> deserialised(List<EventStream.Row> rows) {
        List<TrackedEventMessage<?>> messages = stream.messages(rows);
        for (TrackedEventMessage<?> message : messages) {
            message.getPayload();
            message.getMetaData();
        }
        return messages;
    }

    /** Waits for every writer; the first failure is thrown once all have finished (their transactions closed). */
    private static void awaitAll(List<Future<?>> writing) {
        RuntimeException failure = null;
        for (Future<?> future : writing) {
            try {
                future.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (failure == null) {
                    failure = cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                writing.forEach(other -> other.cancel(true));
                throw new IllegalStateException("Interrupted while the projections wrote a batch", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Ends a build phase in the build's schema, so the tables are complete before anyone reads them or takes them
     * over. First every table gets statistics: fresh tables have none, and the deferred work's plans need them. Then, projection by projection in parallel, what the projection
     * deferred ({@link BulkBuild.Deferring}) and after it the indexes only its readers use, as the live tables define
     * them (an index would wait for the deferred work's writes to its table anyway). Each table's statistics, each
     * projection's deferred work with its indexes, and each other index is a transaction of its own on a writer thread.
     */
    void completeBuild(String schema, List<Target> targets) {
        long started = System.nanoTime();
        inParallel(targets.stream().flatMap(target -> target.tables().stream())
                .map(table -> (Runnable) () -> jdbc.execute("ANALYZE " + schema + "." + table)).toList());
        long analysed = System.nanoTime();
        List<Runnable> tasks = new ArrayList<>();
        for (Target target : targets) {
            List<String> indexes = target.readerIndexes().stream().map(index -> jdbc.queryForObject(
                    "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname = ?", String.class, index)
                    .replaceFirst(" ON public\\.", " ON " + schema + ".")).toList();
            Optional<BulkBuild.Deferring> deferred = deferring.orderedStream()
                    .filter(projection -> projection.processingGroup().equals(target.name())).findFirst();
            if (deferred.isPresent()) {
                // The longest tasks first, so the writer threads do not leave them for last.
                tasks.add(0, () -> {
                    jdbc.execute("SET LOCAL search_path TO " + schema + ", public");
                    // The rollups aggregate every fact row: in memory rather than in batches on disk.
                    jdbc.execute("SET LOCAL work_mem = '64MB'");
                    deferred.get().completeBulkBuild();
                    indexes.forEach(jdbc::execute);
                });
            } else {
                indexes.forEach(index -> tasks.add(() -> jdbc.execute(index)));
            }
        }
        inParallel(tasks);
        log.info("Build phase in {} completed: statistics in {} ms, deferred work and reader indexes in {} ms", schema,
                (analysed - started) / 1_000_000, (System.nanoTime() - analysed) / 1_000_000);
    }

    /** Runs each task in a transaction of its own on the writer threads, and waits for all of them. */
    private void inParallel(List<Runnable> tasks) {
        List<Future<?>> running = new ArrayList<>(tasks.size());
        for (Runnable task : tasks) {
            running.add(writers.submit(() -> whenConnected(() -> transactions.executeWithoutResult(
                    status -> task.run()))));
        }
        awaitAll(running);
    }

    /**
     * One batch in the caller's transaction: the targets' handlers write into {@code schema}, flushed once at
     * commit, in one batching unit of work as an event processor's batch; a build phase's is marked {@code bulk}.
     * Returns how many events each target handled.
     */
    private long[] handle(String schema, List<Target> targets, List<TrackedEventMessage<?>> messages, boolean bulk,
                          Predicate<EventMessage<?>> include) {
        jdbc.execute("SET LOCAL search_path TO " + schema + ", public");
        long[] handled = new long[targets.size()];
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(messages));
        if (bulk) {
            BulkBuild.mark(unitOfWork);
        }
        var result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> message = unitOfWork.getMessage();
            if (!include.test(message)) {
                return null;
            }
            for (int i = 0; i < targets.size(); i++) {
                EventHandlerInvoker invoker = targets.get(i).invoker();
                if (invoker.canHandle(message, Segment.ROOT_SEGMENT)) {
                    invoker.handle(message, Segment.ROOT_SEGMENT);
                    handled[i]++;
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return handled;
    }

    /** Moves the progress past the rows: position, events read, what each target handled, recent gaps. */
    private static void advance(Progress progress, List<EventStream.Row> rows, long[] handled) {
        long previous = progress.position;
        for (EventStream.Row row : rows) {
            long index = row.globalIndex();
            if (index - previous > 1 && index - previous < GAP_WINDOW) {
                for (long gap = Math.max(previous + 1, index - GAP_WINDOW); gap < index; gap++) {
                    progress.gaps.add(gap);
                }
            }
            previous = index;
        }
        progress.position = previous;
        progress.processed += rows.size();
        for (int i = 0; i < handled.length; i++) {
            progress.handled[i] += handled[i];
        }
        progress.gaps.headSet(progress.position - GAP_WINDOW, true).clear();
    }

    /**
     * Stops the selected projections' processors, then in one transaction reads the last events, swaps the
     * rebuilt tables in, sets the processors' tokens and marks the rebuild caught up; starts the processors again.
     */
    private void takeOver(UUID id, String schema, String retired, List<Target> targets, Progress progress) {
        List<StreamingEventProcessor> stopped = new ArrayList<>();
        try {
            for (Target target : targets) {
                if (target.processor() instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                    streaming.shutDown();
                    stopped.add(streaming);
                }
            }
            transactions.executeWithoutResult(status -> {
                jdbc.execute("SET LOCAL lock_timeout = '30s'");
                long head = stream.head();
                while (progress.position < head) {
                    List<EventStream.Row> rows = stream.read(progress.position, head, batchSize, null);
                    if (rows.isEmpty()) {
                        break;
                    }
                    advance(progress, rows,
                            handle(schema, targets, deserialised(rows), false, message -> true));
                }
                jdbc.execute("SET LOCAL search_path TO public");
                swapTables(schema, retired, targets);
                TrackingToken token = progress.token();
                for (Target target : targets) {
                    setToken(target.processor().getName(), token);
                }
                store.progress(id, progress.position, progress.processed, targets.stream().map(Target::name).toList(),
                        progress.handled);
                store.caughtUp(id);
            });
        } finally {
            stopped.forEach(StreamingEventProcessor::start);
        }
    }

    /**
     * The build's schema with a copy of every table of the targets, without the indexes only readers use:
     * {@link #completeBuild} creates those.
     */
    void createBuildSchema(String schema, List<Target> targets) {
        jdbc.execute("CREATE SCHEMA " + schema);
        for (Target target : targets) {
            List<String> deferred = new ArrayList<>(target.readerIndexes());
            for (String table : target.tables()) {
                jdbc.execute("CREATE TABLE " + schema + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
                Map<String, String> live = indexes("public", table);
                Map<String, String> copied = indexes(schema, table);
                for (String index : target.readerIndexes()) {
                    String definition = live.get(index);
                    if (definition == null) {
                        continue;
                    }
                    String copy = copied.entrySet().stream().filter(e -> e.getValue().equals(definition))
                            .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new IllegalStateException(
                                    "No copy of index " + index + " in " + schema + "." + table));
                    jdbc.execute("DROP INDEX " + schema + "." + copy);
                    deferred.remove(index);
                }
            }
            if (!deferred.isEmpty()) {
                throw new IllegalStateException("Projection " + target.name() + " names indexes its tables do not have: "
                        + deferred);
            }
        }
    }

    /** Moves the live tables into {@code retired} and the rebuilt ones into {@code public}, keeping index names. */
    private void swapTables(String schema, String retired, List<Target> targets) {
        jdbc.execute("CREATE SCHEMA " + retired);
        for (Target target : targets) {
            for (String table : target.tables()) {
                Map<String, String> liveIndexes = indexes("public", table);
                jdbc.execute("ALTER TABLE public." + table + " SET SCHEMA " + retired);
                jdbc.execute("ALTER TABLE " + schema + "." + table + " SET SCHEMA public");
                Map<String, String> rebuiltIndexes = indexes("public", table);
                Map<String, String> rename = new java.util.LinkedHashMap<>();
                liveIndexes.forEach((name, definition) -> rebuiltIndexes.entrySet().stream()
                        .filter(e -> e.getValue().equals(definition) && !e.getKey().equals(name)).findFirst()
                        .ifPresent(e -> rename.put(e.getKey(), name)));
                int n = 0;
                Map<String, String> temporary = new java.util.LinkedHashMap<>();
                for (var entry : rename.entrySet()) {
                    String interim = "rebuild_index_" + n++;
                    jdbc.execute("ALTER INDEX public." + entry.getKey() + " RENAME TO " + interim);
                    temporary.put(interim, entry.getValue());
                }
                temporary.forEach((interim, name) -> jdbc.execute("ALTER INDEX public." + interim + " RENAME TO " + name));
            }
        }
        jdbc.execute("DROP SCHEMA " + schema);
    }

    /** A table's indexes: name to definition without the index and table names. */
    private Map<String, String> indexes(String schema, String table) {
        return jdbc.query("""
                SELECT i.relname, regexp_replace(pg_get_indexdef(x.indexrelid), '^CREATE (UNIQUE )?INDEX \\S+ ON \\S+ ', '\\1')
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ? AND t.relname = ?""",
                (row, number) -> Map.entry(row.getString(1), row.getString(2)), schema, table).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    /**
     * Sets every segment's token to the rebuilt position. Segments another node holds are taken from it first:
     * that node's next batch fails its claim check and rolls back (so nothing lands in the new tables twice),
     * Axon releases the segment there, and whichever node claims it next starts from the rebuilt position.
     */
    private void setToken(String processorName, TrackingToken token) {
        TokenStore tokens = eventProcessing.getObject().tokenStore(processorName);
        jdbc.update("UPDATE token_entry SET owner = NULL WHERE processor_name = ?", processorName);
        int[] segments = tokens.fetchSegments(processorName);
        if (segments.length == 0) {
            tokens.initializeTokenSegments(processorName, 1, token);
            return;
        }
        for (int segment : segments) {
            tokens.storeToken(token, processorName, segment);
            tokens.releaseClaim(processorName, segment);
        }
    }

    void dropSchema(String schema) {
        try {
            jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (RuntimeException e) {
            log.warn("Could not drop schema {}", schema, e);
        }
    }

    Target target(String name) {
        ProjectionCatalogue.Projection projection = ProjectionCatalogue.named(name).orElseThrow(() -> new UnknownProjection(name));
        EventProcessor processor = processor(name).orElseThrow(() -> new UnknownProjection(name));
        if (!(processor instanceof AbstractEventProcessor handling)) {
            throw new IllegalStateException("Processor " + processor.getName() + " exposes no handler invoker");
        }
        return new Target(name, projection.tables().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(),
                projection.readerIndexes(), processor, withoutDeadLetters(handling.eventHandlerInvoker()));
    }

    /**
     * The same handlers without a dead-letter queue in front: a rebuild must not consult or fill the live
     * queue, and an event that fails fails the rebuild (its transaction rolls back; the live views stay).
     */
    static EventHandlerInvoker withoutDeadLetters(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return new MultiEventHandlerInvoker(
                    multi.delegates().stream().map(ProjectionRebuilds::withoutDeadLetters).toList());
        }
        if (invoker instanceof DeadLetteringEventHandlerInvoker deadLettering) {
            return SimpleEventHandlerInvoker.builder().eventHandlers(new ArrayList<Object>(deadLettering.eventHandlers()))
                    .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build();
        }
        return invoker;
    }

    EventStream stream() {
        return stream;
    }

    private Optional<EventProcessor> processor(String name) {
        return eventProcessing.getObject().eventProcessorByProcessingGroup(name);
    }
}

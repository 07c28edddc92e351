package org.wayfinder.command.history;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.common.Priority;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.LockAwareAggregate;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.wayfinder.command.directory.Activity;
import org.wayfinder.command.directory.ActivityRegistration;
import org.wayfinder.command.directory.DirectoryActivityCatalogue;
import org.wayfinder.command.directory.Provider;
import org.wayfinder.command.person.Person;
import org.wayfinder.command.person.PersonMerging;
import org.wayfinder.command.referral.Referral;

/**
 * The command handling of the history import: the same aggregates and command handlers as live
 * commands, on a command bus of the import's own, in the importing thread. The caller runs a chunk of
 * rows inside one Axon unit of work, so every command joins it and an aggregate is loaded at most once per
 * chunk. The aggregates append nothing themselves: the caller takes the chunk's events
 * ({@link #takePublished()}) and appends them in one batch through {@link #eventStore()}, possibly on
 * another thread while the next chunk is handled here.
 * <p>
 * Between chunks the aggregates the import created or loaded stay in memory (up to a bound, least
 * recently used first out), because the import's passes come back to the same referrals and people
 * file after file. The caller says when a chunk is handled ({@link #chunkStored()}) or abandoned
 * ({@link #chunkAbandoned()}); if a handled chunk then fails to store, {@link #forgetAll()} drops
 * everything held, as it does when a live command may have changed a stream the import holds.
 * <p>
 * Referrals and people that are not in memory can be read for a whole chunk at once ({@link #prefetch}): one
 * query for the streams of the chunk's rows instead of one per aggregate as the handlers ask for them. Once the
 * store has more referrals than are kept in memory, each pass over a file otherwise loads them one by one.
 */
public final class ImportAggregates {

    /** The stored events of several streams at once, by aggregate id, each in sequence; absent if none. */
    @FunctionalInterface
    public interface StreamReader {
        Map<String, List<? extends DomainEventMessage<?>>> read(Collection<String> aggregateIds);

        StreamReader NONE = ids -> Map.of();
    }

    private static final RecordTargetResolver TARGETS = new RecordTargetResolver();

    private final SimpleCommandBus commandBus;
    private final CommandGateway gateway;
    private final List<ChunkRepository<?>> repositories = new ArrayList<>();
    private final List<String> created = new ArrayList<>();
    private final EventStore store;
    private final List<EventMessage<?>> published = new ArrayList<>();
    private final StreamReader reader;
    private final Map<String, List<? extends DomainEventMessage<?>>> prefetched = new HashMap<>();

    private ImportAggregates(org.axonframework.config.Configuration axon, int retained, StreamReader reader) {
        this.reader = reader;
        store = axon.eventStore();
        EventStore eventStore = publishingInto(store, published);
        commandBus = SimpleCommandBus.builder().build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();

        ChunkRepository<Activity> activities = repository(axon, Activity.class, eventStore, retained, true, null);
        ParameterResolverFactory withCatalogue = MultiParameterResolverFactory.ordered(
                new ImportCatalogue(new DirectoryActivityCatalogue(() -> activities)), axon.parameterResolverFactory());
        ChunkRepository<Provider> providers = repository(axon, Provider.class, eventStore, retained, true, null);
        ChunkRepository<Person> people = repository(axon, Person.class, eventStore, retained, false, null);
        ChunkRepository<Referral> referrals = repository(axon, Referral.class, eventStore, retained, false,
                withCatalogue);
        new AnnotationCommandHandlerAdapter<>(new ActivityRegistration(providers, activities),
                axon.parameterResolverFactory(), ClasspathHandlerDefinition.forClass(ActivityRegistration.class))
                .subscribe(commandBus);
        new AnnotationCommandHandlerAdapter<>(new PersonMerging(() -> people),
                axon.parameterResolverFactory(), ClasspathHandlerDefinition.forClass(PersonMerging.class))
                .subscribe(commandBus);
    }

    /** Keeps up to {@code retained} aggregates of each type in memory between chunks. */
    public static ImportAggregates create(org.axonframework.config.Configuration axon, int retained) {
        return new ImportAggregates(axon, retained, StreamReader.NONE);
    }

    /** The same, with {@code reader} to read many streams in one go for {@link #prefetch}. */
    public static ImportAggregates create(org.axonframework.config.Configuration axon, int retained,
                                          StreamReader reader) {
        return new ImportAggregates(axon, retained, reader);
    }

    /**
     * Reads, in one go, the streams of those referrals and people among {@code aggregateIds} that are not in
     * memory, for the chunk about to be handled: a handler that then loads one of them replays these events
     * instead of querying the store. Call before the chunk's commands; what the chunk does not use is dropped
     * with it. Ids of other aggregates, or of streams that do not exist, cost a look-up and nothing else.
     */
    public void prefetch(Collection<String> aggregateIds) {
        List<String> missing = new ArrayList<>();
        for (String id : aggregateIds) {
            if (!prefetched.containsKey(id) && repositories.stream().noneMatch(repository -> repository.holds(id))) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            prefetched.putAll(reader.read(missing));
        }
    }

    /** Sends commands to the aggregates in this thread; call inside the chunk's unit of work. */
    public CommandGateway commandGateway() {
        return gateway;
    }

    /** Ids of the aggregates created in the current chunk, in the order they were created. */
    public List<String> createdInChunk() {
        return Collections.unmodifiableList(created);
    }

    public int createdCount() {
        return created.size();
    }

    /**
     * The events the aggregates applied since the last call, in order, and forgets them. The aggregates do not
     * publish to the event store: the caller appends these, with {@link #eventStore()}, in the transaction that
     * stores the chunk, which may run on another thread while the next chunk is handled here.
     */
    public List<EventMessage<?>> takePublished() {
        List<EventMessage<?>> events = List.copyOf(published);
        published.clear();
        return events;
    }

    /** The application's event store, to append {@link #takePublished()} through. */
    public EventStore eventStore() {
        return store;
    }

    /** The chunk's unit of work committed and its transaction too: what it built is now stored state. */
    public void chunkStored() {
        repositories.forEach(ChunkRepository::stored);
        created.clear();
        prefetched.clear();
    }

    /** The chunk was rolled back: anything it touched may hold state that was never stored. */
    public void chunkAbandoned() {
        repositories.forEach(ChunkRepository::abandoned);
        created.clear();
        published.clear();
        prefetched.clear();
    }

    public void forgetAll() {
        repositories.forEach(ChunkRepository::forgetAll);
        created.clear();
        published.clear();
        prefetched.clear();
    }

    /** The event store for everything but publishing: what the aggregates publish goes to {@code published}. */
    private static EventStore publishingInto(EventStore store, List<EventMessage<?>> published) {
        return (EventStore) Proxy.newProxyInstance(ImportAggregates.class.getClassLoader(),
                new Class<?>[] {EventStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("publish") && args != null && args.length == 1) {
                        if (args[0] instanceof List<?> events) {
                            events.forEach(event -> published.add((EventMessage<?>) event));
                        } else {
                            Arrays.stream((Object[]) args[0]).forEach(event -> published.add((EventMessage<?>) event));
                        }
                        return null;
                    }
                    switch (method.getName()) {
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "toString":
                            return "import buffer of " + store;
                        default:
                            try {
                                return method.invoke(store, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    private <T> ChunkRepository<T> repository(org.axonframework.config.Configuration axon, Class<T> type,
                                              EventStore eventStore, int retained, boolean filterByType,
                                              ParameterResolverFactory parameterResolverFactory) {
        ParameterResolverFactory resolvers = parameterResolverFactory != null ? parameterResolverFactory
                : axon.parameterResolverFactory();
        // Without the configured time limits: those wrap every handler call in a scheduled task, which costs
        // more than the in-memory handling itself, and a chunk is bounded by its size instead.
        HandlerDefinition handlers = ClasspathHandlerDefinition.forClass(type);
        var model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type, resolvers, handlers);
        EventSourcingRepository.Builder<T> builder = EventSourcingRepository.builder(type)
                .aggregateModel(model)
                .eventStore(eventStore)
                .lockFactory(NullLockFactory.INSTANCE)
                .snapshotTriggerDefinition(NoSnapshotTriggerDefinition.INSTANCE);
        if (filterByType) {
            builder.filterByAggregateType();
        }
        // Repositories that filter streams by type (the directory's) always read the store themselves.
        ChunkRepository<T> repository = new ChunkRepository<>(builder, eventStore, retained, created,
                filterByType ? Map.of() : prefetched);
        repositories.add(repository);
        AggregateAnnotationCommandHandler.<T>builder()
                .aggregateType(type)
                .aggregateModel(model)
                .repository(repository)
                .commandTargetResolver(TARGETS)
                .parameterResolverFactory(resolvers)
                .handlerDefinition(handlers)
                .build()
                .subscribe(commandBus);
        return repository;
    }

    /**
     * An event-sourcing repository that serves aggregates stored by earlier chunks from memory. The
     * aggregate roots it keeps are the very objects that handled the commands, so a cached root is
     * only trusted once its chunk is stored.
     */
    static final class ChunkRepository<T> extends EventSourcingRepository<T> {

        private final EventStore eventStore;
        private final Map<String, Retained<T>> retained;
        private final Map<String, EventSourcedAggregate<T>> touched = new LinkedHashMap<>();
        private final List<String> created;
        private final Map<String, List<? extends DomainEventMessage<?>>> prefetched;
        private final String managedKey = "import-managed-aggregates/" + System.identityHashCode(this);

        ChunkRepository(EventSourcingRepository.Builder<T> builder, EventStore eventStore, int capacity,
                        List<String> created, Map<String, List<? extends DomainEventMessage<?>>> prefetched) {
            super(builder);
            this.eventStore = eventStore;
            this.created = created;
            this.prefetched = prefetched;
            this.retained = new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Retained<T>> eldest) {
                    return size() > capacity;
                }
            };
        }

        /**
         * The aggregates of the current unit of work, in a map that answers {@code containsValue} without a
         * scan: Axon asks it once per aggregate at commit, which over a chunk's thousands of aggregates in a
         * plain {@code HashMap} costs time quadratic in the chunk's size.
         */
        @Override
        protected Map<String, LockAwareAggregate<T, EventSourcedAggregate<T>>> managedAggregates(UnitOfWork<?> uow) {
            return uow.root().getOrComputeResource(managedKey, key -> new ValueIndexedMap<>());
        }

        @Override
        protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
            Retained<T> kept = retained.get(aggregateIdentifier);
            EventSourcedAggregate<T> aggregate = kept == null ? super.doLoadWithLock(aggregateIdentifier, expectedVersion)
                    : EventSourcedAggregate.reconstruct(kept.root(), aggregateModel(), kept.version(), false,
                    eventStore, NoSnapshotTriggerDefinition.TRIGGER);
            touched.put(aggregateIdentifier, aggregate);
            return aggregate;
        }

        /** A stream read for the chunk ({@link ImportAggregates#prefetch}) is used once, then read as usual. */
        @Override
        protected DomainEventStream readEvents(String aggregateIdentifier) {
            List<? extends DomainEventMessage<?>> events = prefetched.isEmpty() ? null
                    : prefetched.remove(aggregateIdentifier);
            return events != null ? DomainEventStream.of(events) : super.readEvents(aggregateIdentifier);
        }

        boolean holds(String aggregateIdentifier) {
            return retained.containsKey(aggregateIdentifier) || touched.containsKey(aggregateIdentifier);
        }

        @Override
        protected EventSourcedAggregate<T> doCreateNewForLock(Callable<T> factoryMethod) throws Exception {
            EventSourcedAggregate<T> aggregate = super.doCreateNewForLock(factoryMethod);
            String id = aggregate.identifierAsString();
            if (id != null && (retained.containsKey(id) || touched.containsKey(id))) {
                throw new AggregateStreamCreationException("An aggregate with id " + id + " already exists.");
            }
            if (id != null) {
                touched.put(id, aggregate);
                created.add(id);
            }
            return aggregate;
        }

        void stored() {
            touched.forEach((id, aggregate) -> {
                if (aggregate.version() != null && !aggregate.isDeleted()) {
                    retained.put(id, new Retained<>(aggregate.getAggregateRoot(), aggregate.version()));
                }
            });
            touched.clear();
        }

        void abandoned() {
            touched.keySet().forEach(retained::remove);
            touched.clear();
        }

        void forgetAll() {
            retained.clear();
            touched.clear();
        }
    }

    private record Retained<T>(T root, long version) {
    }

    /**
     * A {@code HashMap} that also counts its values, for a constant-time {@code containsValue}. Only the
     * operations Axon's repositories use on their unit of work's aggregates are kept in step.
     */
    static final class ValueIndexedMap<K, V> extends HashMap<K, V> {

        private final Map<V, Integer> values = new HashMap<>();

        @Override
        public V put(K key, V value) {
            V previous = super.put(key, value);
            forget(previous);
            values.merge(value, 1, Integer::sum);
            return previous;
        }

        @Override
        public V putIfAbsent(K key, V value) {
            V existing = get(key);
            return existing != null ? existing : put(key, value);
        }

        @Override
        public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
            V existing = get(key);
            if (existing != null) {
                return existing;
            }
            V value = mapping.apply(key);
            if (value != null) {
                put(key, value);
            }
            return value;
        }

        @Override
        public V remove(Object key) {
            if (!containsKey(key)) {
                return null;
            }
            V previous = super.remove(key);
            forget(previous);
            return previous;
        }

        @Override
        public boolean containsValue(Object value) {
            return values.containsKey(value);
        }

        @Override
        public void clear() {
            super.clear();
            values.clear();
        }

        private void forget(V value) {
            if (value != null) {
                values.computeIfPresent(value, (v, count) -> count == 1 ? null : count - 1);
            }
        }
    }

    /** The referral asks the import's own activities, ahead of the application's catalogue bean. */
    @Priority(Priority.FIRST)
    private static final class ImportCatalogue extends SimpleResourceParameterResolverFactory {

        ImportCatalogue(DirectoryActivityCatalogue catalogue) {
            super(List.of(catalogue));
        }
    }
}

package org.wayfinder.command.support;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Axon's caching repository, made safe for several nodes sharing one event store. A cached aggregate
 * is never trusted as it is: before a command sees it, the events stored after its version are read
 * (one indexed query, normally returning nothing) and applied, so a change made through another node
 * is seen. Loading from the cache thus costs one query instead of a snapshot query, an event query and
 * the deserialisation of the whole stream.
 * <p>
 * Writes stay guarded by the event table's unique (aggregate, sequence number) constraint: an append
 * racing another node's append fails with a concurrency conflict (409) and, the unit of work rolling
 * back, the cached aggregate is dropped, so a retry starts from the store.
 */
public final class CatchingUpCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final EventStore eventStore;
    private final Cache cache;

    /** Builds the repository from {@code builder}, giving it {@code eventStore} and {@code cache}. */
    public CatchingUpCachingRepository(EventSourcingRepository.Builder<T> builder, EventStore eventStore,
                                       Cache cache) {
        super(builder.eventStore(eventStore).cache(cache));
        this.eventStore = eventStore;
        this.cache = cache;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        // This node holds the aggregate's lock: nothing else here puts it into the cache meanwhile. Should the
        // entry vanish before the load below, the aggregate comes from the store and the catch-up finds nothing.
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (!cached) {
            return aggregate;
        }
        Long version = aggregate.version();
        DomainEventStream newer = eventStore.readEvents(aggregateIdentifier, version == null ? 0 : version + 1);
        if (newer.hasNext()) {
            aggregate.initializeState(newer);
        }
        return aggregate;
    }
}

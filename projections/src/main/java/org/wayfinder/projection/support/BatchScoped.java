package org.wayfinder.projection.support;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * State a projection gathers over the event processor's current batch and acts on once, just before the batch
 * commits (in the batch's transaction). Outside a batch, each change is acted on at once. Actions run in the
 * order they were first registered in the batch, so a projection that adds its {@link BatchedWrites} before
 * it first changes this state acts on rows already flushed.
 */
public final class BatchScoped<T> {

    private final String resourceKey;
    private final Supplier<T> create;
    private final Consumer<T> atCommit;

    public BatchScoped(String resourceKey, Supplier<T> create, Consumer<T> atCommit) {
        this.resourceKey = resourceKey;
        this.create = create;
        this.atCommit = atCommit;
    }

    public void update(Consumer<T> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            T state = create.get();
            change.accept(state);
            atCommit.accept(state);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        T state = unitOfWork.getOrComputeResource(resourceKey, key -> {
            T created = create.get();
            unitOfWork.onPrepareCommit(u -> atCommit.accept(created));
            return created;
        });
        change.accept(state);
    }

    /** The state gathered so far in the batch of {@code unitOfWork}, or null if nothing changed it yet. */
    public T peek(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getResource(resourceKey);
    }
}

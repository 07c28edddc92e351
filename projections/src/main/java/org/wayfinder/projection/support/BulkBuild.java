package org.wayfinder.projection.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A rebuild's build phase, marked on each batch's unit of work. While a batch carries the mark, a projection
 * may leave its derived tables (rollups, per-referral totals) alone, because they are computed once from the
 * fact rows when the build phase ends ({@link Deferring#completeBulkBuild()}), in the build's own tables.
 * Only the rebuild marks its units of work: live processing and the rebuild's take-over never carry the
 * mark, so they keep every derived table current batch by batch.
 */
public final class BulkBuild {

    private static final String RESOURCE = BulkBuild.class.getName();

    private BulkBuild() {
    }

    /** Marks the unit of work (and so every handler it runs) as part of a build phase. */
    public static void mark(UnitOfWork<?> unitOfWork) {
        unitOfWork.root().resources().put(RESOURCE, Boolean.TRUE);
    }

    /** True while the current event is handled in a marked build phase. */
    public static boolean inProgress() {
        return CurrentUnitOfWork.isStarted()
                && Boolean.TRUE.equals(CurrentUnitOfWork.get().root().getResource(RESOURCE));
    }

    /** A projection that defers derived tables during a build phase. */
    public interface Deferring {

        /** The processing group whose build this completes. */
        String processingGroup();

        /**
         * Computes the deferred tables from the fact rows, in the caller's transaction and on its search path
         * (the build's schema).
         */
        void completeBulkBuild();
    }
}

package org.wayfinder.app.history;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfinder.projection.rebuild.ProjectionRebuilds;
import org.wayfinder.projection.rebuild.RebuildStatus;
import org.wayfinder.query.projections.ProjectionHealth;

/**
 * How the projections an import paused get current again. Catching up replays the imported events through the
 * live processors, batch by batch with every rollup refreshed as it goes; a rebuild reads the whole store once
 * into new tables and computes the rollups once at the end, about ten times as fast per event
 * (docs/performance.md). So when the projections are far behind (at least {@code minEvents}, and at least
 * {@code share} of the store), this rebuilds every projection while they stay paused, and starts them again
 * afterwards from where the rebuild took over; otherwise, or when a rebuild is already running, they simply start
 * again and catch up.
 */
final class CatchUpAfterImport {

    private static final Logger log = LoggerFactory.getLogger(CatchUpAfterImport.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ProjectionRebuilds rebuilds;
    private final ProjectionHealth health;
    private final ProjectionPause pause;
    private final long minEvents;
    private final double share;

    CatchUpAfterImport(ProjectionRebuilds rebuilds, ProjectionHealth health, ProjectionPause pause, long minEvents,
                       double share) {
        this.rebuilds = rebuilds;
        this.health = health;
        this.pause = pause;
        this.minEvents = minEvents;
        this.share = share;
    }

    /** Whether projections {@code behind} events behind a store of {@code stored} events are rebuilt. */
    static boolean rebuild(long behind, long stored, long minEvents, double share) {
        return minEvents > 0 && behind >= minEvents && behind >= share * stored;
    }

    /**
     * Brings the paused processors up to date and starts them; returns the rebuild's id if one ran. While the
     * rebuild runs the import thread waits here (a queued import waits with it), and stops waiting when
     * {@code closing} says the application is stopping.
     */
    Optional<UUID> resume(String importId, List<StreamingEventProcessor> stopped, BooleanSupplier closing) {
        Optional<UUID> rebuilt = Optional.empty();
        try {
            ProjectionHealth.Snapshot now = health.snapshot();
            long behind = now.projections().stream().mapToLong(ProjectionHealth.Status::lag).max().orElse(0);
            if (!stopped.isEmpty() && rebuild(behind, now.headGlobalIndex(), minEvents, share)) {
                RebuildStatus started = rebuilds.start(rebuilds.projections(), "import:" + importId);
                log.info("Import {}: the projections are {} events behind; rebuilding them all (rebuild {}) "
                        + "instead of catching up.", importId, behind, started.id());
                rebuilt = Optional.of(started.id());
                awaitEnd(started.id(), closing);
            }
        } catch (ProjectionRebuilds.RebuildAlreadyRunning running) {
            log.info("Import {}: a rebuild is already running; the projections catch up instead.", importId);
        } catch (RuntimeException e) {
            log.warn("Import {}: the projections could not be rebuilt ({}); they catch up instead.", importId,
                    e.getMessage());
        } finally {
            if (!closing.getAsBoolean()) {
                pause.resume(stopped);
            }
        }
        return rebuilt;
    }

    private void awaitEnd(UUID id, BooleanSupplier closing) {
        while (!closing.getAsBoolean()) {
            Optional<RebuildStatus> status = rebuilds.status(id);
            if (status.isEmpty() || status.get().state().equals("caught-up") || status.get().state().equals("failed")) {
                status.ifPresent(s -> log.info("Rebuild {} after the import ended {}.", id, s.state()));
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

package org.wayfinder.projection.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a rebuild stands: its state, the events processed of the total to read, the rate over the run so far
 * in events per second, the seconds left at that rate, and what each selected projection handled.
 */
public record RebuildStatus(UUID id, List<String> projections, String state, long eventsProcessed, long eventsTotal,
                            double rate, Long secondsLeft, Instant requestedAt, Instant startedAt,
                            Instant finishedAt, String failure, List<ProjectionProgress> progress) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String CAUGHT_UP = "caught-up";
    public static final String FAILED = "failed";

    /** One selected projection: the events of the stream it handled so far. */
    public record ProjectionProgress(String projection, String state, long eventsHandled) {
    }

    public boolean finished() {
        return CAUGHT_UP.equals(state) || FAILED.equals(state);
    }
}

package org.wayfinder.app.history;

import java.time.Duration;
import java.time.Instant;

/**
 * What {@code GET /api/imports/{id}} answers. Rates are over the current attempt's running time;
 * {@code estimatedSecondsLeft} is null until the total is known and a rate measured.
 */
record HistoryImportStatus(String importId, String state, String startedBy, String files, Long rowsTotal,
                           long rowsDone, long rowsRejected, long rowsSkipped, long eventsAppended,
                           Instant createdAt, Instant startedAt, Instant finishedAt, double elapsedSeconds,
                           double rowsPerSecond, double eventsPerSecond, Double estimatedSecondsLeft,
                           String failure, String errors, boolean pauseProjections, String views) {

    static HistoryImportStatus of(HistoryImportStore.ImportRecord record, Instant now, ProjectionPause.Views views) {
        double elapsed = record.startedAt() == null ? 0
                : Duration.between(record.startedAt(), record.finishedAt() == null ? now : record.finishedAt())
                .toMillis() / 1000.0;
        long processed = record.rowsDone() + record.rowsRejected() + record.rowsSkipped();
        double rowsPerSecond = elapsed > 0 ? processed / elapsed : 0;
        double eventsPerSecond = elapsed > 0 ? record.eventsAppended() / elapsed : 0;
        Double left = null;
        if ("DONE".equals(record.state())) {
            left = 0.0;
        } else if (record.rowsTotal() != null && rowsPerSecond > 0) {
            left = Math.max(0, record.rowsTotal() - processed) / rowsPerSecond;
        }
        return new HistoryImportStatus(record.importId(), record.state(), record.startedBy(), record.files(),
                record.rowsTotal(), record.rowsDone(), record.rowsRejected(), record.rowsSkipped(),
                record.eventsAppended(), record.createdAt(), record.startedAt(), record.finishedAt(),
                round(elapsed), round(rowsPerSecond), round(eventsPerSecond), left == null ? null : round(left),
                record.failure(), "/api/imports/" + record.importId() + "/errors", record.pauseProjections(),
                views.name());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

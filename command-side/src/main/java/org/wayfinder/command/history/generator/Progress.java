package org.wayfinder.command.history.generator;

import java.io.PrintStream;
import java.util.Locale;

/** Reports on stderr every two seconds; the wall clock here never reaches the files. */
final class Progress {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private final long expectedReferrals;
    private final long started = System.nanoTime();
    private long lastReport = started;

    Progress(PrintStream out, boolean enabled, long expectedReferrals) {
        this.out = out;
        this.enabled = enabled;
        this.expectedReferrals = expectedReferrals;
    }

    void update(long referralsDone, long rowsWritten) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastReport < EVERY_NANOS) {
            return;
        }
        lastReport = now;
        double seconds = (now - started) / 1e9;
        double share = Math.min(1.0, (double) referralsDone / expectedReferrals);
        double left = share > 0 ? seconds / share - seconds : 0;
        out.printf(Locale.ROOT, "%,d rows (%,d referrals, %.0f%%), %,.0f rows/s, about %.0f s left%n",
                rowsWritten, referralsDone, share * 100, rowsWritten / seconds, left);
    }

    double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}

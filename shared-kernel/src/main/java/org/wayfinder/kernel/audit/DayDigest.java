package org.wayfinder.kernel.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The root hash of one day's events: SHA-256 over each event's hash (hex, or "" when it has none)
 * followed by a line feed, in global index order. Feed it the day's events in that order.
 */
public final class DayDigest {

    private final MessageDigest digest = EventHash.sha256();
    private long events;
    private long firstGlobalIndex = -1;
    private long lastGlobalIndex = -1;

    public void add(long globalIndex, String hash) {
        digest.update((hash == null ? "" : hash).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '\n');
        if (firstGlobalIndex < 0) {
            firstGlobalIndex = globalIndex;
        }
        lastGlobalIndex = globalIndex;
        events++;
    }

    public long events() {
        return events;
    }

    /** -1 when the day had no events. */
    public long firstGlobalIndex() {
        return firstGlobalIndex;
    }

    /** -1 when the day had no events. */
    public long lastGlobalIndex() {
        return lastGlobalIndex;
    }

    /** Ends the digest: call once. A day without events has the hash of no bytes. */
    public String rootHash() {
        return HexFormat.of().formatHex(digest.digest());
    }
}

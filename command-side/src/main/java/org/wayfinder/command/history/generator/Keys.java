package org.wayfinder.command.history.generator;

import java.util.HashMap;
import java.util.Map;

/**
 * Source keys: "s&lt;seed&gt;-&lt;kind&gt;-&lt;n&gt;", counted per kind in the order rows are written, so that
 * regenerating with the same seed gives the same keys and runs with different seeds never collide.
 */
final class Keys {

    private final String prefix;
    private final Map<String, long[]> counters = new HashMap<>();

    Keys(long seed) {
        this.prefix = "s" + seed + "-";
    }

    String next(String kind) {
        long n = ++counters.computeIfAbsent(kind, k -> new long[1])[0];
        return prefix + kind + "-" + n;
    }
}

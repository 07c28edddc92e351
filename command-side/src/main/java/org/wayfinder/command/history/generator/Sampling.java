package org.wayfinder.command.history.generator;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Continuous distributions and identifiers drawn from one seeded generator. */
final class Sampling {

    private Sampling() {
    }

    static boolean chance(RandomGenerator random, double probability) {
        return random.nextDouble() < probability;
    }

    static double normal(RandomGenerator random, double mean, double sd) {
        return mean + sd * random.nextGaussian();
    }

    /** Waiting times: most are short, a few very long. The median is exp(mu), so name it directly. */
    static int logNormalDays(RandomGenerator random, double medianDays, double sigma, int maxDays) {
        double days = medianDays * Math.exp(sigma * random.nextGaussian());
        return (int) Math.min(maxDays, Math.round(days));
    }

    static int between(RandomGenerator random, int lowInclusive, int highInclusive) {
        return random.nextInt(lowInclusive, highInclusive + 1);
    }

    static int clamp(long value, int low, int high) {
        return (int) Math.max(low, Math.min(high, value));
    }

    /** A version 4 UUID from the seeded stream, so ids repeat exactly with the seed. */
    static UUID uuid(RandomGenerator random) {
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}

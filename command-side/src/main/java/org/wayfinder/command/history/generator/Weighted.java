package org.wayfinder.command.history.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/** A discrete distribution over a fixed, ordered list of values. */
final class Weighted<T> {

    private final List<T> values;
    private final double[] cumulative;

    private Weighted(List<T> values, double[] weights) {
        if (values.isEmpty() || values.size() != weights.length) {
            throw new IllegalArgumentException("A weighted choice needs one weight per value.");
        }
        this.values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        this.cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("Weights cannot be negative.");
            }
            total += weights[i];
            cumulative[i] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
    }

    static <T> Weighted<T> of(List<T> values, double... weights) {
        return new Weighted<>(values, weights);
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    T pick(RandomGenerator random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        int at = index >= 0 ? index : -index - 1;
        return values.get(Math.min(at, values.size() - 1));
    }

    List<T> values() {
        return values;
    }

    static final class Builder<T> {
        private final List<T> values = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Builder<T> add(T value, double weight) {
            values.add(value);
            weights.add(weight);
            return this;
        }

        Weighted<T> build() {
            return new Weighted<>(values, weights.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}

package org.wayfinder.command.history.generator;

import java.util.random.RandomGenerator;
import org.wayfinder.kernel.wellbeing.OnsLonelinessFrequency;
import org.wayfinder.kernel.wellbeing.SwemwbsScore;

/**
 * Item responses that add up to a drawn score. The score is drawn on the scale analysts use (SWEMWBS
 * metric, WEMWBS total, UCLA-3 total), then spread over items, so generated means and changes land where
 * docs/generator.md says they do.
 */
final class WellbeingResponses {

    private WellbeingResponses() {
    }

    /** The SWEMWBS raw sum whose metric score is nearest the wanted one. */
    static int swemwbsRawNearest(double metric) {
        int best = SwemwbsScore.MIN_RAW;
        double distance = Double.MAX_VALUE;
        for (int raw = SwemwbsScore.MIN_RAW; raw <= SwemwbsScore.MAX_RAW; raw++) {
            double d = Math.abs(SwemwbsScore.metricHundredths(raw) / 100.0 - metric);
            if (d < distance) {
                distance = d;
                best = raw;
            }
        }
        return best;
    }

    static int[] swemwbs(RandomGenerator random, double metric) {
        return spread(random, swemwbsRawNearest(metric), 7, 1, 5);
    }

    static int[] wemwbs(RandomGenerator random, double total) {
        return spread(random, Sampling.clamp(Math.round(total), 14, 70), 14, 1, 5);
    }

    static int[] ucla3(RandomGenerator random, double total) {
        return spread(random, Sampling.clamp(Math.round(total), 3, 9), 3, 1, 3);
    }

    /** Life satisfaction, worthwhile, happiness, anxiety: each drawn on its own, 0..10. */
    static int[] ons4(RandomGenerator random, double shift) {
        return new int[] {
            Sampling.clamp(Math.round(Sampling.normal(random, 5.0 + shift, 2.3)), 0, 10),
            Sampling.clamp(Math.round(Sampling.normal(random, 5.6 + shift, 2.3)), 0, 10),
            Sampling.clamp(Math.round(Sampling.normal(random, 5.0 + shift, 2.6)), 0, 10),
            Sampling.clamp(Math.round(Sampling.normal(random, 5.0 - shift, 3.0)), 0, 10)
        };
    }

    /** The ONS direct loneliness question, answered in line with the UCLA-3 total. */
    static OnsLonelinessFrequency onsLoneliness(RandomGenerator random, int ucla3Total) {
        double lonely = ucla3Total + Sampling.normal(random, 0, 1.0);
        if (lonely >= 8) {
            return OnsLonelinessFrequency.OFTEN_OR_ALWAYS;
        }
        if (lonely >= 6.5) {
            return OnsLonelinessFrequency.SOME_OF_THE_TIME;
        }
        if (lonely >= 5) {
            return OnsLonelinessFrequency.OCCASIONALLY;
        }
        if (lonely >= 3.8) {
            return OnsLonelinessFrequency.HARDLY_EVER;
        }
        return OnsLonelinessFrequency.NEVER;
    }

    /** Items within range summing exactly to total: an even split, then a few moves between items. */
    static int[] spread(RandomGenerator random, int total, int items, int min, int max) {
        int[] responses = new int[items];
        int base = total / items;
        int remainder = total % items;
        for (int i = 0; i < items; i++) {
            responses[i] = base;
        }
        for (int given = 0; given < remainder; ) {
            int i = random.nextInt(items);
            if (responses[i] == base) {
                responses[i]++;
                given++;
            }
        }
        // Items of one questionnaire move together, so keep each within one step of the even split.
        for (int move = 0; move < items / 2; move++) {
            int from = random.nextInt(items);
            int to = random.nextInt(items);
            if (from != to && responses[from] > Math.max(min, base - 1) && responses[to] < Math.min(max, base + 1)) {
                responses[from]--;
                responses[to]++;
            }
        }
        return responses;
    }
}

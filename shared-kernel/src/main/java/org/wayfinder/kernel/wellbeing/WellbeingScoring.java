package org.wayfinder.kernel.wellbeing;

import java.util.List;
import java.util.Objects;

/** Derives scores from item responses, and judges whether a change between two scores is meaningful. */
public final class WellbeingScoring {

    /** SWEMWBS meaningful individual change, 1 SEM = 1.03 metric points (Shah et al. 2018): the default. */
    public static final int SWEMWBS_MEANINGFUL_CHANGE_HUNDREDTHS = 103;

    /** SWEMWBS 2.77 SEM = 2.87 metric points (Shah et al. 2018), reported beside the default. */
    public static final int SWEMWBS_MEANINGFUL_CHANGE_2_77_SEM_HUNDREDTHS = 287;

    /** WEMWBS meaningful individual change, about 1 SEM (Maheswaran et al. 2012): the default. */
    public static final int WEMWBS_MEANINGFUL_CHANGE_POINTS = 3;

    /** WEMWBS about 2.77 SEM, reported beside the default. */
    public static final int WEMWBS_MEANINGFUL_CHANGE_2_77_SEM_POINTS = 8;

    private WellbeingScoring() {
    }

    /**
     * Scores one complete set of responses, in questionnaire order. ONS4 items are life satisfaction,
     * worthwhile, happiness, anxiety; UCLA3 items are lack companionship, left out, isolated.
     *
     * @throws InvalidWellbeingResponse when the responses are missing, incomplete or out of range
     */
    public static Score score(Instrument instrument, List<Integer> itemResponses) {
        Objects.requireNonNull(instrument, "instrument");
        return switch (instrument) {
            case SWEMWBS -> swemwbs(itemResponses);
            case WEMWBS -> wemwbs(itemResponses);
            case ONS4 -> ons4(itemResponses);
            case UCLA3 -> ucla3(itemResponses);
        };
    }

    public static SwemwbsScore swemwbs(List<Integer> itemResponses) {
        return SwemwbsScore.ofRaw(sum(Instrument.SWEMWBS, itemResponses));
    }

    public static WemwbsScore wemwbs(List<Integer> itemResponses) {
        return new WemwbsScore(sum(Instrument.WEMWBS, itemResponses));
    }

    public static Ons4Score ons4(List<Integer> itemResponses) {
        requireScoreable(Instrument.ONS4, itemResponses);
        return new Ons4Score(itemResponses.get(0), itemResponses.get(1), itemResponses.get(2), itemResponses.get(3));
    }

    public static Ucla3Score ucla3(List<Integer> itemResponses) {
        return new Ucla3Score(sum(Instrument.UCLA3, itemResponses));
    }

    /**
     * Whether the follow-up is at least the threshold above the baseline. All three figures are in the
     * same integer unit (hundredths for SWEMWBS metric scores, points for WEMWBS) so the comparison is
     * exact: 15.84 - 14.75 = 1.09 counts at a threshold of 1.03.
     */
    public static boolean meaningfulImprovement(int baseline, int followUp, int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("A meaningful change threshold cannot be negative.");
        }
        return (long) followUp - baseline >= threshold;
    }

    /** Whether the SWEMWBS metric score rose by at least the threshold, in hundredths. */
    public static boolean meaningfulImprovement(SwemwbsScore baseline, SwemwbsScore followUp, int thresholdHundredths) {
        return meaningfulImprovement(baseline.metricHundredths(), followUp.metricHundredths(), thresholdHundredths);
    }

    /** Whether the WEMWBS score rose by at least the threshold, in points. */
    public static boolean meaningfulImprovement(WemwbsScore baseline, WemwbsScore followUp, int thresholdPoints) {
        return meaningfulImprovement(baseline.total(), followUp.total(), thresholdPoints);
    }

    private static int sum(Instrument instrument, List<Integer> itemResponses) {
        requireScoreable(instrument, itemResponses);
        return itemResponses.stream().mapToInt(Integer::intValue).sum();
    }

    private static void requireScoreable(Instrument instrument, List<Integer> itemResponses) {
        String range = instrument.minResponse() + " to " + instrument.maxResponse();
        if (itemResponses == null) {
            throw new InvalidWellbeingResponse(instrument, null, instrument.name() + " responses are missing: expected "
                    + instrument.itemCount() + " item responses, each " + range + ".");
        }
        if (itemResponses.size() != instrument.itemCount()) {
            throw new InvalidWellbeingResponse(instrument, null, instrument.name() + " needs exactly "
                    + instrument.itemCount() + " item responses, each " + range + ", but " + itemResponses.size()
                    + " were given; only complete responses are scoreable.");
        }
        for (int i = 0; i < itemResponses.size(); i++) {
            Integer response = itemResponses.get(i);
            int item = i + 1;
            if (response == null) {
                throw new InvalidWellbeingResponse(instrument, item, instrument.name() + " item " + item
                        + " is missing; expected a response from " + range + ".");
            }
            if (response < instrument.minResponse() || response > instrument.maxResponse()) {
                throw new InvalidWellbeingResponse(instrument, item, instrument.name() + " item " + item
                        + " is out of range; expected a response from " + range + ".");
            }
        }
    }
}

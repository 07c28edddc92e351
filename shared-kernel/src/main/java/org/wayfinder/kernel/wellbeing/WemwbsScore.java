package org.wayfinder.kernel.wellbeing;

/**
 * A WEMWBS score.
 *
 * @param total sum of the fourteen items, 14..70
 */
public record WemwbsScore(int total) implements Score {

    public static final int MIN_TOTAL = 14;
    public static final int MAX_TOTAL = 70;

    public WemwbsScore {
        if (total < MIN_TOTAL || total > MAX_TOTAL) {
            throw new IllegalArgumentException(
                    "A WEMWBS score is from " + MIN_TOTAL + " to " + MAX_TOTAL + ", not " + total + ".");
        }
    }

    @Override
    public Instrument instrument() {
        return Instrument.WEMWBS;
    }
}

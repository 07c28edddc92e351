package org.wayfinder.kernel.wellbeing;

/**
 * A UCLA 3-item loneliness score; higher is lonelier.
 *
 * @param total sum of the three items, 3..9
 */
public record Ucla3Score(int total) implements Score {

    public static final int MIN_TOTAL = 3;
    public static final int MAX_TOTAL = 9;

    /** The usual cut-off: a total of 6 or more counts as lonely. Sources differ, so callers may pass another. */
    public static final int DEFAULT_LONELY_CUT_OFF = 6;

    public Ucla3Score {
        if (total < MIN_TOTAL || total > MAX_TOTAL) {
            throw new IllegalArgumentException(
                    "A UCLA-3 score is from " + MIN_TOTAL + " to " + MAX_TOTAL + ", not " + total + ".");
        }
    }

    /** Whether the total reaches {@link #DEFAULT_LONELY_CUT_OFF}. */
    public boolean lonely() {
        return lonely(DEFAULT_LONELY_CUT_OFF);
    }

    /** Whether the total is at or above the given cut-off, itself a possible total (3..9). */
    public boolean lonely(int cutOff) {
        if (cutOff < MIN_TOTAL || cutOff > MAX_TOTAL) {
            throw new IllegalArgumentException(
                    "A UCLA-3 loneliness cut-off is from " + MIN_TOTAL + " to " + MAX_TOTAL + ", not " + cutOff + ".");
        }
        return total >= cutOff;
    }

    @Override
    public Instrument instrument() {
        return Instrument.UCLA3;
    }
}

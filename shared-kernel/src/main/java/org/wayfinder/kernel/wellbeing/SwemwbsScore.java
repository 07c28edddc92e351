package org.wayfinder.kernel.wellbeing;

/**
 * A SWEMWBS score: the raw sum and its metric score from the official Rasch conversion table
 * (Warwick Medical School; Stewart-Brown et al. 2009). Analyse metric scores, never raw ones.
 *
 * @param raw              sum of the seven items, 7..35
 * @param metricHundredths metric score in hundredths, e.g. 1584 for 15.84; integers so that changes
 *                         compare exactly
 */
public record SwemwbsScore(int raw, int metricHundredths) implements Score {

    public static final int MIN_RAW = 7;
    public static final int MAX_RAW = 35;

    // Index raw - 7. Transcribed from the official table; tests check every row against domain.md.
    private static final int[] METRIC_HUNDREDTHS = {
        700, 951, 1125, 1240, 1333, 1408, 1475, 1532, 1584, 1636,
        1688, 1743, 1798, 1859, 1925, 1998, 2073, 2154, 2235, 2321,
        2411, 2503, 2602, 2703, 2813, 2931, 3070, 3255, 3500
    };

    public SwemwbsScore {
        int expected = metricHundredths(raw);
        if (metricHundredths != expected) {
            throw new IllegalArgumentException("A SWEMWBS metric score must be the conversion of its raw score: raw "
                    + raw + " converts to " + expected + " hundredths, not " + metricHundredths + ".");
        }
    }

    /** The score for a raw sum, converted by the official table. */
    public static SwemwbsScore ofRaw(int raw) {
        return new SwemwbsScore(raw, metricHundredths(raw));
    }

    /** The official metric score, in hundredths, of a raw SWEMWBS sum. */
    public static int metricHundredths(int raw) {
        if (raw < MIN_RAW || raw > MAX_RAW) {
            throw new IllegalArgumentException(
                    "A SWEMWBS raw score is from " + MIN_RAW + " to " + MAX_RAW + ", not " + raw + ".");
        }
        return METRIC_HUNDREDTHS[raw - MIN_RAW];
    }

    @Override
    public Instrument instrument() {
        return Instrument.SWEMWBS;
    }
}

package org.wayfinder.kernel.wellbeing;

/**
 * The four ONS personal wellbeing ratings, each 0..10. ONS publishes no composite score, so there is
 * none here: report the four separately.
 *
 * @param lifeSatisfaction how satisfied with life nowadays
 * @param worthwhile       how far the things done in life are worthwhile
 * @param happiness        how happy yesterday
 * @param anxiety          how anxious yesterday; higher is worse
 */
public record Ons4Score(int lifeSatisfaction, int worthwhile, int happiness, int anxiety) implements Score {

    public static final int MIN_RATING = 0;
    public static final int MAX_RATING = 10;

    public Ons4Score {
        requireRating(lifeSatisfaction, "life satisfaction");
        requireRating(worthwhile, "worthwhile");
        requireRating(happiness, "happiness");
        requireRating(anxiety, "anxiety");
    }

    public OnsWellbeingBand lifeSatisfactionBand() {
        return OnsWellbeingBand.of(lifeSatisfaction);
    }

    public OnsWellbeingBand worthwhileBand() {
        return OnsWellbeingBand.of(worthwhile);
    }

    public OnsWellbeingBand happinessBand() {
        return OnsWellbeingBand.of(happiness);
    }

    public OnsAnxietyBand anxietyBand() {
        return OnsAnxietyBand.of(anxiety);
    }

    @Override
    public Instrument instrument() {
        return Instrument.ONS4;
    }

    static void requireRating(int rating, String measure) {
        if (rating < MIN_RATING || rating > MAX_RATING) {
            throw new IllegalArgumentException("An ONS4 " + measure + " rating is from " + MIN_RATING + " to "
                    + MAX_RATING + ", not " + rating + ".");
        }
    }
}

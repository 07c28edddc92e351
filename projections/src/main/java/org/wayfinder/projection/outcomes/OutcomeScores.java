package org.wayfinder.projection.outcomes;

import java.util.List;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.Ons4Score;
import org.wayfinder.kernel.wellbeing.Score;
import org.wayfinder.kernel.wellbeing.SwemwbsScore;
import org.wayfinder.kernel.wellbeing.Ucla3Score;
import org.wayfinder.kernel.wellbeing.WellbeingScoring;
import org.wayfinder.kernel.wellbeing.WemwbsScore;

/**
 * The score columns of one {@code wellbeing_outcome} row. {@code scoreHundredths} is the instrument's headline
 * score in hundredths: the SWEMWBS metric score, the WEMWBS total, the UCLA-3 total; ONS4 has no composite
 * (ONS publishes none), so it has no headline score and its four ratings are kept apart.
 */
record OutcomeScores(Integer scoreHundredths, Integer swemwbsRaw, Integer swemwbsMetricHundredths,
                     Integer wemwbsTotal, Integer onsLifeSatisfaction, Integer onsWorthwhile, Integer onsHappiness,
                     Integer onsAnxiety, Integer ucla3Total) {

    static final OutcomeScores NONE = new OutcomeScores(null, null, null, null, null, null, null, null, null);

    /**
     * Scores the responses as the given instrument, or {@link #NONE} when they are not scoreable as it. The
     * command side refuses unscoreable responses, so NONE only guards a replay of events this code did not
     * write; a projection must not stop on them.
     */
    static OutcomeScores of(Instrument instrument, List<Integer> itemResponses) {
        Score score;
        try {
            score = WellbeingScoring.score(instrument, itemResponses);
        } catch (IllegalArgumentException e) { // InvalidWellbeingResponse included
            return NONE;
        }
        if (score instanceof SwemwbsScore s) {
            return new OutcomeScores(s.metricHundredths(), s.raw(), s.metricHundredths(), null, null, null, null,
                    null, null);
        }
        if (score instanceof WemwbsScore w) {
            return new OutcomeScores(w.total() * 100, null, null, w.total(), null, null, null, null, null);
        }
        if (score instanceof Ons4Score o) {
            return new OutcomeScores(null, null, null, null, o.lifeSatisfaction(), o.worthwhile(), o.happiness(),
                    o.anxiety(), null);
        }
        Ucla3Score u = (Ucla3Score) score;
        return new OutcomeScores(u.total() * 100, null, null, null, null, null, null, null, u.total());
    }
}

package org.wayfinder.query.outcomes;

import java.util.Arrays;
import java.util.Optional;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.WellbeingScoring;
import org.wayfinder.query.outcomes.MatchedPairStatistics.Direction;

/**
 * Each score evaluators can compare before and after: the instrument, the {@code wellbeing_outcome} column (in
 * hundredths), which way is better, and the default meaningful-change thresholds with their sources (domain.md).
 * ONS4 has no composite, so each of its four ratings is a measure of its own.
 */
enum OutcomeMeasure {
    SWEMWBS_METRIC(Instrument.SWEMWBS, "metric", "swemwbs_metric_hundredths", "SWEMWBS metric score (Rasch conversion), points",
            Direction.HIGHER_IS_BETTER, WellbeingScoring.SWEMWBS_MEANINGFUL_CHANGE_HUNDREDTHS,
            "1 SEM = 1.03 metric points (Shah et al. 2018, HQLO 16:239)",
            WellbeingScoring.SWEMWBS_MEANINGFUL_CHANGE_2_77_SEM_HUNDREDTHS,
            "2.77 SEM = 2.87 metric points (Shah et al. 2018)"),
    WEMWBS_TOTAL(Instrument.WEMWBS, "total", "wemwbs_total * 100", "WEMWBS total, points",
            Direction.HIGHER_IS_BETTER, WellbeingScoring.WEMWBS_MEANINGFUL_CHANGE_POINTS * 100,
            "about 1 SEM = 3 points (Maheswaran et al. 2012)",
            WellbeingScoring.WEMWBS_MEANINGFUL_CHANGE_2_77_SEM_POINTS * 100,
            "about 2.77 SEM = 8 points (Maheswaran et al. 2012)"),
    ONS4_LIFE_SATISFACTION(Instrument.ONS4, "lifeSatisfaction", "ons_life_satisfaction * 100",
            "ONS life satisfaction, 0-10", Direction.HIGHER_IS_BETTER, 100, Constants.NO_PUBLISHED_THRESHOLD, null, null),
    ONS4_WORTHWHILE(Instrument.ONS4, "worthwhile", "ons_worthwhile * 100", "ONS worthwhile, 0-10",
            Direction.HIGHER_IS_BETTER, 100, Constants.NO_PUBLISHED_THRESHOLD, null, null),
    ONS4_HAPPINESS(Instrument.ONS4, "happiness", "ons_happiness * 100", "ONS happiness yesterday, 0-10",
            Direction.HIGHER_IS_BETTER, 100, Constants.NO_PUBLISHED_THRESHOLD, null, null),
    ONS4_ANXIETY(Instrument.ONS4, "anxiety", "ons_anxiety * 100", "ONS anxiety yesterday, 0-10",
            Direction.LOWER_IS_BETTER, 100, Constants.NO_PUBLISHED_THRESHOLD, null, null),
    UCLA3_TOTAL(Instrument.UCLA3, "total", "ucla3_total * 100", "UCLA-3 loneliness total, 3-9",
            Direction.LOWER_IS_BETTER, 100, Constants.NO_PUBLISHED_THRESHOLD, null, null);

    private final Instrument instrument;
    private final String name;
    private final String column;
    private final String unit;
    private final Direction direction;
    private final int defaultThresholdHundredths;
    private final String thresholdSource;
    private final Integer alternativeThresholdHundredths;
    private final String alternativeThresholdSource;

    OutcomeMeasure(Instrument instrument, String name, String column, String unit, Direction direction,
                   int defaultThresholdHundredths, String thresholdSource, Integer alternativeThresholdHundredths,
                   String alternativeThresholdSource) {
        this.instrument = instrument;
        this.name = name;
        this.column = column;
        this.unit = unit;
        this.direction = direction;
        this.defaultThresholdHundredths = defaultThresholdHundredths;
        this.thresholdSource = thresholdSource;
        this.alternativeThresholdHundredths = alternativeThresholdHundredths;
        this.alternativeThresholdSource = alternativeThresholdSource;
    }

    /** The measure of an instrument by its request name; ONS4 needs one, the others have one and accept it or none. */
    static Optional<OutcomeMeasure> of(Instrument instrument, String measure) {
        return Arrays.stream(values())
                .filter(m -> m.instrument == instrument)
                .filter(m -> measure == null ? instrument != Instrument.ONS4 : m.name.equals(measure))
                .findFirst();
    }

    Instrument instrument() {
        return instrument;
    }

    String measureName() {
        return name;
    }

    /** The score in hundredths as an SQL expression over a {@code wellbeing_outcome} alias; never user input. */
    String scoreColumn(String alias) {
        return alias + "." + column;
    }

    String unit() {
        return unit;
    }

    Direction direction() {
        return direction;
    }

    int defaultThresholdHundredths() {
        return defaultThresholdHundredths;
    }

    String thresholdSource() {
        return thresholdSource;
    }

    Integer alternativeThresholdHundredths() {
        return alternativeThresholdHundredths;
    }

    String alternativeThresholdSource() {
        return alternativeThresholdSource;
    }

    private static final class Constants {
        static final String NO_PUBLISHED_THRESHOLD =
                "no published meaningful-change threshold; Wayfinder default of 1 point, set thresholdHundredths";
    }
}

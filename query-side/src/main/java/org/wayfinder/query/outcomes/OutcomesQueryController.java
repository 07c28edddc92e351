package org.wayfinder.query.outcomes;

import static org.wayfinder.query.outcomes.OutcomeParameters.invalid;

import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.projection.outcomes.WellbeingOutcomesProjection;
import org.wayfinder.query.outcomes.OutcomeStatisticsQuery.PairsPerPerson;
import org.wayfinder.query.projections.SnapshotReads;

/** Longitudinal outcomes for evaluators: aggregates only, with small numbers suppressed. */
@RestController
@RequestMapping("/api/outcomes")
class OutcomesQueryController {

    /** Ten years: long enough for any follow-up, short enough to catch a typing slip. */
    private static final int MAX_WINDOW_DAYS = 3650;

    /** The programme's years: first referrals in 2019, the ten-year view to 2029. */
    private static final int FIRST_YEAR = 2019;
    private static final int LAST_YEAR = 2029;
    private static final int EARLIEST_YEAR = 2000;
    private static final int LATEST_YEAR = 2100;

    private final OutcomeStatistics statistics;
    private final CohortMatrix cohortMatrix;
    private final OutcomeComparisons comparisons;
    private final Trajectory trajectory;
    private final SnapshotReads snapshots;

    OutcomesQueryController(OutcomeStatistics statistics, CohortMatrix cohortMatrix, OutcomeComparisons comparisons,
                            Trajectory trajectory, SnapshotReads snapshots) {
        this.snapshots = snapshots;
        this.statistics = statistics;
        this.cohortMatrix = cohortMatrix;
        this.comparisons = comparisons;
        this.trajectory = trajectory;
    }

    @GetMapping("/statistics")
    OutcomeStatisticsResponse statistics(
            @RequestParam String instrument,
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate referredFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate referredTo,
            @RequestParam(required = false) String cohort,
            @RequestParam(required = false) String boroughGssCode,
            @RequestParam(required = false) String icb,
            @RequestParam(required = false) String need,
            @RequestParam(defaultValue = "56") int windowFromDays,
            @RequestParam(defaultValue = "112") int windowToDays,
            @RequestParam(required = false) Integer thresholdHundredths,
            @RequestParam(defaultValue = "ALL") String pairsPerPerson,
            @RequestParam(defaultValue = "nhs-england") String suppression,
            @RequestParam(required = false) String asOf) {
        OutcomeStatisticsQuery query = statisticsQuery(instrument, measure, referredFrom, referredTo, cohort,
                boroughGssCode, icb, need, windowFromDays, windowToDays, thresholdHundredths, pairsPerPerson, suppression);
        return snapshots.read(asOf, WellbeingOutcomesProjection.PROCESSING_GROUP, () -> statistics.answer(query));
    }

    @GetMapping("/comparisons")
    OutcomeComparisons.Response comparisons(
            @RequestParam String instrument,
            @RequestParam String by,
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate referredFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate referredTo,
            @RequestParam(required = false) String cohort,
            @RequestParam(required = false) String boroughGssCode,
            @RequestParam(required = false) String icb,
            @RequestParam(required = false) String need,
            @RequestParam(defaultValue = "56") int windowFromDays,
            @RequestParam(defaultValue = "112") int windowToDays,
            @RequestParam(required = false) Integer thresholdHundredths,
            @RequestParam(defaultValue = "ALL") String pairsPerPerson,
            @RequestParam(defaultValue = "nhs-england") String suppression,
            @RequestParam(required = false) String asOf) {
        ComparisonGroup group = ComparisonGroup.byParameter(by).orElseThrow(() -> invalid("by",
                "'by' must be one of " + ComparisonGroup.parameters() + "."));
        OutcomeStatisticsQuery query = statisticsQuery(instrument, measure, referredFrom, referredTo, cohort,
                boroughGssCode, icb, need, windowFromDays, windowToDays, thresholdHundredths, pairsPerPerson, suppression);
        return snapshots.read(asOf, WellbeingOutcomesProjection.PROCESSING_GROUP, () -> comparisons.answer(query, group));
    }

    @GetMapping("/cohorts")
    CohortMatrixResponse cohorts(
            @RequestParam String instrument,
            @RequestParam(required = false) String measure,
            @RequestParam(defaultValue = "year") String cohort,
            @RequestParam(defaultValue = CohortMatrixQuery.DEFAULT_TIME_POINTS) String timePoints,
            @RequestParam(defaultValue = "" + FIRST_YEAR) int fromYear,
            @RequestParam(defaultValue = "" + LAST_YEAR) int toYear,
            @RequestParam(required = false) String boroughGssCode,
            @RequestParam(required = false) String icb,
            @RequestParam(required = false) String need,
            @RequestParam(defaultValue = "nhs-england") String suppression) {
        OutcomeMeasure chosen = OutcomeParameters.measure(instrument, measure);
        CohortMatrixQuery.Grain grain = switch (cohort) {
            case "year" -> CohortMatrixQuery.Grain.YEAR;
            case "quarter" -> CohortMatrixQuery.Grain.QUARTER;
            default -> throw invalid("cohort", "'cohort' must be year or quarter.");
        };
        years(fromYear, toYear);
        return cohortMatrix.answer(new CohortMatrixQuery(chosen, grain, fromYear, toYear,
                CohortMatrixQuery.columns(timePoints),
                OutcomeParameters.filters(null, null, null, boroughGssCode, icb, need),
                OutcomeParameters.suppression(suppression)));
    }

    @GetMapping("/trajectory")
    Trajectory.Response trajectory(
            @RequestParam(defaultValue = "referrals") String measure,
            @RequestParam(defaultValue = "icb") String by,
            @RequestParam(defaultValue = "year") String period,
            @RequestParam(defaultValue = "" + FIRST_YEAR) int fromYear,
            @RequestParam(defaultValue = "" + LAST_YEAR) int toYear,
            @RequestParam(defaultValue = "nhs-england") String suppression) {
        if (!measure.equals("referrals")) {
            throw invalid("measure", "'measure' must be referrals: the only measure with configured targets.");
        }
        Trajectory.By grouping = switch (by) {
            case "icb" -> Trajectory.By.ICB;
            case "london" -> Trajectory.By.LONDON;
            default -> throw invalid("by", "'by' must be icb or london.");
        };
        if (!period.equals("year")) {
            throw invalid("period", "'period' must be year: targets are configured per calendar year.");
        }
        years(fromYear, toYear);
        return trajectory.referrals(grouping, fromYear, toYear, OutcomeParameters.suppression(suppression));
    }

    private static OutcomeStatisticsQuery statisticsQuery(String instrument, String measure, LocalDate referredFrom,
                                                          LocalDate referredTo, String cohort, String boroughGssCode,
                                                          String icb, String need, int windowFromDays,
                                                          int windowToDays, Integer thresholdHundredths,
                                                          String pairsPerPerson, String suppression) {
        OutcomeMeasure chosen = OutcomeParameters.measure(instrument, measure);
        OutcomeFilters filters = OutcomeParameters.filters(referredFrom, referredTo, cohort, boroughGssCode, icb, need);
        if (windowFromDays < 0 || windowToDays < windowFromDays || windowToDays > MAX_WINDOW_DAYS) {
            throw invalid("windowFromDays", "The window must satisfy 0 <= windowFromDays <= windowToDays <= "
                    + MAX_WINDOW_DAYS + ".");
        }
        int threshold = thresholdHundredths == null ? chosen.defaultThresholdHundredths() : thresholdHundredths;
        if (threshold < 0 || threshold > 10_000) {
            throw invalid("thresholdHundredths", "'thresholdHundredths' must be from 0 to 10000.");
        }
        PairsPerPerson perPerson = Arrays.stream(PairsPerPerson.values()).filter(p -> p.name().equals(pairsPerPerson))
                .findFirst().orElseThrow(() -> invalid("pairsPerPerson", "'pairsPerPerson' must be ALL or FIRST."));
        return new OutcomeStatisticsQuery(chosen, filters, windowFromDays, windowToDays, threshold, perPerson,
                OutcomeParameters.suppression(suppression));
    }

    private static void years(int fromYear, int toYear) {
        if (fromYear < EARLIEST_YEAR || toYear > LATEST_YEAR || toYear < fromYear || toYear - fromYear > 30) {
            throw invalid("fromYear", "The years must satisfy " + EARLIEST_YEAR + " <= fromYear <= toYear <= "
                    + LATEST_YEAR + ", at most 30 years apart.");
        }
    }
}

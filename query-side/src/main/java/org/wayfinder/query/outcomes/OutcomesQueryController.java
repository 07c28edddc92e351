package org.wayfinder.query.outcomes;

import org.wayfinder.projection.outcomes.WellbeingOutcomesProjection;
import org.wayfinder.query.projections.SnapshotReads;

import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.kernel.geography.LondonBorough;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.query.outcomes.OutcomeStatisticsQuery.PairsPerPerson;

/** Longitudinal outcome statistics for evaluators: aggregates only, with small numbers suppressed. */
@RestController
@RequestMapping("/api/outcomes")
class OutcomesQueryController {

    /** Ten years: long enough for any follow-up, short enough to catch a typing slip. */
    private static final int MAX_WINDOW_DAYS = 3650;

    private final OutcomeStatistics statistics;
    private final SnapshotReads snapshots;

    OutcomesQueryController(OutcomeStatistics statistics, SnapshotReads snapshots) {
        this.statistics = statistics;
        this.snapshots = snapshots;
    }

    @GetMapping("/statistics")
    OutcomeStatisticsResponse statistics(
            @RequestParam String instrument,
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate referredFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate referredTo,
            @RequestParam(required = false) String boroughGssCode,
            @RequestParam(defaultValue = "56") int windowFromDays,
            @RequestParam(defaultValue = "112") int windowToDays,
            @RequestParam(required = false) Integer thresholdHundredths,
            @RequestParam(defaultValue = "ALL") String pairsPerPerson,
            @RequestParam(required = false) String asOf) {
        Instrument parsed = Arrays.stream(Instrument.values()).filter(i -> i.name().equals(instrument)).findFirst()
                .orElseThrow(() -> invalid("'instrument' must be one of " + Arrays.toString(Instrument.values()) + "."));
        String measureName = measure == null || measure.isBlank() ? null : measure;
        OutcomeMeasure chosen = OutcomeMeasure.of(parsed, measureName).orElseThrow(() -> invalid(parsed == Instrument.ONS4
                ? "ONS4 has no composite score: 'measure' must be lifeSatisfaction, worthwhile, happiness or anxiety."
                : "'measure' of " + parsed + " can only be left out or be '"
                        + OutcomeMeasure.of(parsed, null).map(OutcomeMeasure::measureName).orElse("") + "'."));
        if (referredFrom != null && referredTo != null && referredTo.isBefore(referredFrom)) {
            throw invalid("'referredTo' must not be before 'referredFrom'.");
        }
        String borough = boroughGssCode == null || boroughGssCode.isBlank() ? null : boroughGssCode;
        if (borough != null && LondonBorough.byGssCode(borough).isEmpty()) {
            throw invalid("'boroughGssCode' must be the GSS code of a London borough (E09000001 to E09000033).");
        }
        if (windowFromDays < 0 || windowToDays < windowFromDays || windowToDays > MAX_WINDOW_DAYS) {
            throw invalid("The window must satisfy 0 <= windowFromDays <= windowToDays <= " + MAX_WINDOW_DAYS + ".");
        }
        int threshold = thresholdHundredths == null ? chosen.defaultThresholdHundredths() : thresholdHundredths;
        if (threshold < 0 || threshold > 10_000) {
            throw invalid("'thresholdHundredths' must be from 0 to 10000.");
        }
        PairsPerPerson perPerson = Arrays.stream(PairsPerPerson.values()).filter(p -> p.name().equals(pairsPerPerson))
                .findFirst().orElseThrow(() -> invalid("'pairsPerPerson' must be ALL or FIRST."));
        OutcomeStatisticsQuery query = new OutcomeStatisticsQuery(chosen, referredFrom, referredTo, borough,
                windowFromDays, windowToDays, threshold, perPerson);
        return snapshots.read(asOf, WellbeingOutcomesProjection.PROCESSING_GROUP, () -> statistics.answer(query));
    }

    private static ErrorResponseException invalid(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}

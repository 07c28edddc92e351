package org.wayfinder.query.outcomes;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.wayfinder.kernel.geography.LondonBorough;
import org.wayfinder.kernel.referral.Need;
import org.wayfinder.kernel.wellbeing.Instrument;

/** Parses and checks the request parameters the outcome endpoints share; a bad one is a 400 naming it. */
public final class OutcomeParameters {

    /** The ICBs of London (domain.md); the same ODS codes named the STPs before July 2022. */
    static final List<String> ICBS = List.of("QMJ", "QMF", "QRV", "QKK", "QWE");

    private static final Pattern COHORT = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");

    private OutcomeParameters() {
    }

    static OutcomeMeasure measure(String instrument, String measure) {
        Instrument parsed = Arrays.stream(Instrument.values()).filter(i -> i.name().equals(instrument)).findFirst()
                .orElseThrow(() -> invalid("instrument", "'instrument' must be one of "
                        + Arrays.toString(Instrument.values()) + "."));
        String measureName = measure == null || measure.isBlank() ? null : measure;
        return OutcomeMeasure.of(parsed, measureName).orElseThrow(() -> invalid("measure", parsed == Instrument.ONS4
                ? "ONS4 has no composite score: 'measure' must be lifeSatisfaction, worthwhile, happiness or anxiety."
                : "'measure' of " + parsed + " can only be left out or be '"
                        + OutcomeMeasure.of(parsed, null).map(OutcomeMeasure::measureName).orElse("") + "'."));
    }

    public static OutcomeFilters filters(LocalDate referredFrom, LocalDate referredTo, String cohort, String boroughGssCode,
                                  String icb, String need) {
        if (referredFrom != null && referredTo != null && referredTo.isBefore(referredFrom)) {
            throw invalid("referredTo", "'referredTo' must not be before 'referredFrom'.");
        }
        Integer year = null;
        Integer quarter = null;
        if (blankToNull(cohort) != null) {
            Matcher matcher = COHORT.matcher(cohort);
            if (!matcher.matches()) {
                throw invalid("cohort", "'cohort' must be a referral year (2025) or quarter (2025-Q2).");
            }
            year = Integer.valueOf(matcher.group(1));
            quarter = matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2));
        }
        String borough = blankToNull(boroughGssCode);
        if (borough != null && LondonBorough.byGssCode(borough).isEmpty()) {
            throw invalid("boroughGssCode",
                    "'boroughGssCode' must be the GSS code of a London borough (E09000001 to E09000033).");
        }
        String icbCode = blankToNull(icb);
        if (icbCode != null && !ICBS.contains(icbCode)) {
            throw invalid("icb", "'icb' must be the ODS code of a London ICB, one of " + ICBS + ".");
        }
        String needCode = blankToNull(need);
        if (needCode != null && Need.byCode(needCode).isEmpty()) {
            throw invalid("need", "'need' must be a need code of GET /api/reference/needs.");
        }
        return new OutcomeFilters(referredFrom, referredTo, year, quarter, borough, icbCode, needCode);
    }

    static SmallNumbers.Policy suppression(String suppression) {
        return SmallNumbers.Policy.byParameter(suppression).orElseThrow(() -> invalid("suppression",
                "'suppression' must be one of " + SmallNumbers.Policy.parameters() + "."));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A 400 problem naming the parameter, in the {@code errors} shape of the other validation problems. */
    public static ErrorResponseException invalid(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", parameter, "message", detail)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}

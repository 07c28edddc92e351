package org.wayfinder.command.referral;

import java.time.LocalDate;
import java.util.List;
import org.wayfinder.kernel.rules.BusinessRuleViolation;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.InvalidWellbeingResponse;
import org.wayfinder.kernel.wellbeing.WellbeingScoring;

/** Rules for recording wellbeing measures on a referral. */
final class WellbeingPolicies {

    private WellbeingPolicies() {
    }

    static void responsesAreScoreable(Instrument instrument, List<Integer> itemResponses) {
        try {
            WellbeingScoring.score(instrument, itemResponses);
        } catch (InvalidWellbeingResponse e) {
            throw new BusinessRuleViolation("wellbeing-response-not-scoreable", e.getMessage());
        }
    }

    static void oneBaselinePerInstrument(Instrument instrument, String existingBaselineId) {
        if (existingBaselineId != null) {
            throw new BusinessRuleViolation("baseline-exists", "This referral already has a " + instrument
                    + " baseline (" + existingBaselineId + "); correct or void it instead of recording another.");
        }
    }

    static void notBeforeBaseline(LocalDate measuredOn, LocalDate baselineOn) {
        if (measuredOn.isBefore(baselineOn)) {
            throw new BusinessRuleViolation("measure-before-baseline",
                    "A follow-up (" + measuredOn + ") cannot be before the baseline (" + baselineOn + ").");
        }
    }
}

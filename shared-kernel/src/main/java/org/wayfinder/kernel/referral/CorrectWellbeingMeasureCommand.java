package org.wayfinder.kernel.referral;

import java.util.List;
import org.wayfinder.kernel.wellbeing.OnsLonelinessFrequency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Correct the item responses of a recorded wellbeing measure. */
public record CorrectWellbeingMeasureCommand(
        @TargetAggregateIdentifier String referralId,
        @TargetAggregateVersion Long expectedVersion,
        String measureId,
        List<Integer> itemResponses,
        OnsLonelinessFrequency onsLoneliness,
        String reason,
        java.time.LocalDate correctedOn) {
}

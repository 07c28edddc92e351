package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import java.util.List;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.OnsLonelinessFrequency;
import org.wayfinder.kernel.wellbeing.TimePoint;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record the person's answers to a wellbeing instrument. */
public record RecordWellbeingMeasureCommand(
        @TargetAggregateIdentifier String referralId,
        @TargetAggregateVersion Long expectedVersion,
        String measureId,
        Instrument instrument,
        TimePoint timePoint,
        LocalDate measuredOn,
        List<Integer> itemResponses,
        OnsLonelinessFrequency onsLoneliness) {
}

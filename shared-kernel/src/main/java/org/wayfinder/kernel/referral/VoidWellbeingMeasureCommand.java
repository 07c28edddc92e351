package org.wayfinder.kernel.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Void a recorded wellbeing measure. */
public record VoidWellbeingMeasureCommand(
        @TargetAggregateIdentifier String referralId,
        @TargetAggregateVersion Long expectedVersion,
        String measureId,
        String reason,
        java.time.LocalDate voidedOn) {
}

package org.wayfinder.kernel.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Void a recorded attendance. */
public record VoidAttendanceCommand(
        @TargetAggregateIdentifier String referralId,
        @TargetAggregateVersion Long expectedVersion,
        String attendanceId,
        String reason,
        java.time.LocalDate voidedOn) {
}

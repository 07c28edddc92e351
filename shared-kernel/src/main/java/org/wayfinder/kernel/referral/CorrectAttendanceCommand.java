package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Correct a recorded attendance. */
public record CorrectAttendanceCommand(
        @TargetAggregateIdentifier String referralId,
        @TargetAggregateVersion Long expectedVersion,
        String attendanceId,
        LocalDate sessionOn,
        AttendanceStatus status,
        String reason,
        LocalDate correctedOn) {
}

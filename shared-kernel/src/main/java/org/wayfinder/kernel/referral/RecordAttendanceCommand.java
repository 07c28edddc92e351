package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record what happened at one session of a connected activity. */
public record RecordAttendanceCommand(
        @TargetAggregateIdentifier String referralId,
        @TargetAggregateVersion Long expectedVersion,
        String attendanceId,
        String activityId,
        LocalDate sessionOn,
        AttendanceStatus status) {
}

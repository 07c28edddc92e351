package org.wayfinder.command.referral;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.wayfinder.kernel.access.AccessDenied;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.kernel.metadata.EventMetadata;
import org.wayfinder.kernel.referral.CorrectAttendanceCommand;
import org.wayfinder.kernel.referral.RecordAttendanceCommand;
import org.wayfinder.kernel.referral.VoidAttendanceCommand;

/** Who may change a referral: organisation scoping, checked before any rule of the lifecycle. */
final class AccessPolicies {

    private AccessPolicies() {
    }

    static void actorMayAct(CommandMessage<?> command, String owningOrganisation,
                            Map<String, Referral.Connection> connections,
                            Map<String, Referral.Attendance> attendances) {
        Object role = command.getMetaData().get(EventMetadata.ACTOR_ROLE);
        Object organisation = command.getMetaData().get(EventMetadata.ORGANISATION);
        if (Role.LINK_WORKER.name().equals(role)) {
            if (owningOrganisation != null && !owningOrganisation.equals(organisation)) {
                throw new AccessDenied("This referral belongs to another organisation.");
            }
        } else if (Role.PROVIDER.name().equals(role)) {
            String activityId = activityOf(command.getPayload(), attendances);
            Referral.Connection connection = activityId == null ? null : connections.get(activityId);
            if (connection == null || !connection.providerId().equals(organisation)) {
                throw new AccessDenied("A provider may only record attendance at its own activities.");
            }
        }
    }

    private static String activityOf(Object payload, Map<String, Referral.Attendance> attendances) {
        if (payload instanceof RecordAttendanceCommand record) {
            return record.activityId();
        }
        String attendanceId = payload instanceof CorrectAttendanceCommand correct ? correct.attendanceId()
                : payload instanceof VoidAttendanceCommand voiding ? voiding.attendanceId() : null;
        Referral.Attendance attendance = attendanceId == null ? null : attendances.get(attendanceId);
        return attendance == null ? null : attendance.activityId();
    }
}

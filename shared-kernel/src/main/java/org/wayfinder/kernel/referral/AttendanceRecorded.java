package org.wayfinder.kernel.referral;

import java.time.LocalDate;

/** What happened at one session of an activity the person is connected to. */
public record AttendanceRecorded(String referralId, String attendanceId, String activityId, LocalDate sessionOn,
                                 AttendanceStatus status) implements ReferralEvent {
}

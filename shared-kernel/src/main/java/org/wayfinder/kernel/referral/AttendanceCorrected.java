package org.wayfinder.kernel.referral;

import java.time.LocalDate;

/** A recorded attendance was wrong; this is what really happened, and why it was corrected. */
public record AttendanceCorrected(String referralId, String attendanceId, LocalDate sessionOn,
                                  AttendanceStatus status, String reason, LocalDate correctedOn)
        implements ReferralEvent {
}

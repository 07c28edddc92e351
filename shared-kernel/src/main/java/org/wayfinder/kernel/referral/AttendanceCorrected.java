package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A recorded attendance was wrong; this is what really happened, and why it was corrected. */
@Revision("2")
public record AttendanceCorrected(String referralId, String attendanceId, LocalDate sessionOn,
                                  AttendanceStatus status, String reason, LocalDate correctedOn)
        implements ReferralEvent {
}

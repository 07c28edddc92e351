package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A recorded attendance should never have been recorded; it no longer counts. */
@Revision("2")
public record AttendanceVoided(String referralId, String attendanceId, String reason, LocalDate voidedOn)
        implements ReferralEvent {
}

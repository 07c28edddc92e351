package org.wayfinder.kernel.referral;

import java.time.LocalDate;

/** A recorded attendance should never have been recorded; it no longer counts. */
public record AttendanceVoided(String referralId, String attendanceId, String reason, LocalDate voidedOn)
        implements ReferralEvent {
}

package org.wayfinder.kernel.referral;

/** A recorded attendance should never have been recorded; it no longer counts. */
public record AttendanceVoided(String referralId, String attendanceId, String reason) implements ReferralEvent {
}

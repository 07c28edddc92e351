package org.wayfinder.kernel.referral;

/** Facts recorded in a referral's stream. */
public sealed interface ReferralEvent permits ReferralReceived, ReferralAccepted, ReferralDeclined,
        FirstContactMade, NeedsAssessed, ConnectedToActivity, AttendanceRecorded, AttendanceCorrected,
        AttendanceVoided, WellbeingMeasured, WellbeingMeasureCorrected, WellbeingMeasureVoided, ReferralClosed,
        ReferralReopened {

    String referralId();
}

package org.wayfinder.command.referral;

import static org.hamcrest.Matchers.containsString;
import static org.wayfinder.command.referral.ReferralFixtures.*;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.referral.*;
import org.wayfinder.kernel.rules.BusinessRuleViolation;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.TimePoint;

class ConnectingAndAttendingTest {

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = referralFixture();
    }

    @Test
    void a_person_is_connected_to_an_active_activity_with_its_provider() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted())
                .when(new ConnectToActivityCommand(REFERRAL_ID, null, ACTIVITY_ID, REFERRED_ON.plusDays(10)))
                .expectEvents(connected());
    }

    @Test
    void a_retired_or_unknown_activity_cannot_be_connected() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted())
                .when(new ConnectToActivityCommand(REFERRAL_ID, null, RETIRED_ACTIVITY_ID, TODAY))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(containsString("not in the directory"));
    }

    @Test
    void a_person_is_not_connected_to_the_same_activity_twice() {
        fixture.given(anAcceptedAndConnectedReferral())
                .when(new ConnectToActivityCommand(REFERRAL_ID, null, ACTIVITY_ID, TODAY))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void attendance_is_recorded_at_a_connected_activity() {
        fixture.given(anAcceptedAndConnectedReferral())
                .when(new RecordAttendanceCommand(REFERRAL_ID, null, ATTENDANCE_ID, ACTIVITY_ID,
                        REFERRED_ON.plusDays(14), AttendanceStatus.ATTENDED))
                .expectEvents(attended())
                .expectResultMessagePayload(4L);
    }

    @Test
    void no_attendance_at_an_activity_the_referral_is_not_connected_to() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted())
                .when(new RecordAttendanceCommand(REFERRAL_ID, null, ATTENDANCE_ID, ACTIVITY_ID, TODAY,
                        AttendanceStatus.ATTENDED))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(containsString("connected to"));
    }

    @Test
    void no_session_before_the_connection() {
        fixture.given(anAcceptedAndConnectedReferral())
                .when(new RecordAttendanceCommand(REFERRAL_ID, null, ATTENDANCE_ID, ACTIVITY_ID,
                        REFERRED_ON.plusDays(9), AttendanceStatus.ATTENDED))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void the_same_attendance_id_is_not_recorded_twice() {
        fixture.given(anAcceptedAndConnectedReferral()).andGiven(attended())
                .when(new RecordAttendanceCommand(REFERRAL_ID, null, ATTENDANCE_ID, ACTIVITY_ID, TODAY,
                        AttendanceStatus.DID_NOT_ATTEND))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void an_attendance_is_corrected_with_a_reason() {
        fixture.given(anAcceptedAndConnectedReferral()).andGiven(attended())
                .when(new CorrectAttendanceCommand(REFERRAL_ID, null, ATTENDANCE_ID, null,
                        AttendanceStatus.DID_NOT_ATTEND, "Register was wrong", null))
                .expectEvents(new AttendanceCorrected(REFERRAL_ID, ATTENDANCE_ID, REFERRED_ON.plusDays(14),
                        AttendanceStatus.DID_NOT_ATTEND, "Register was wrong", TODAY));
    }

    @Test
    void a_correction_needs_a_reason() {
        fixture.given(anAcceptedAndConnectedReferral()).andGiven(attended())
                .when(new CorrectAttendanceCommand(REFERRAL_ID, null, ATTENDANCE_ID, null,
                        AttendanceStatus.DID_NOT_ATTEND, " ", null))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void a_voided_attendance_cannot_be_corrected() {
        fixture.given(anAcceptedAndConnectedReferral())
                .andGiven(attended(), new AttendanceVoided(REFERRAL_ID, ATTENDANCE_ID, "Recorded on the wrong person", TODAY))
                .when(new CorrectAttendanceCommand(REFERRAL_ID, null, ATTENDANCE_ID, null,
                        AttendanceStatus.ATTENDED, "Oops", null))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }
}

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

class ClosingAndReopeningTest {

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = referralFixture();
    }

    private static ReferralClosed closed() {
        return new ReferralClosed(REFERRAL_ID, TODAY, ClosureOutcome.COMPLETED, List.of("loneliness-isolation"),
                List.of(ACTIVITY_ID), "Joined a walking group", null);
    }

    @Test
    void closing_records_the_activities_the_person_was_connected_to() {
        fixture.given(anAcceptedAndConnectedReferral())
                .when(new CloseReferralCommand(REFERRAL_ID, null, TODAY, ClosureOutcome.COMPLETED,
                        List.of("loneliness-isolation"), "Joined a walking group", null))
                .expectEvents(closed());
    }

    @Test
    void nothing_is_recorded_after_closure_but_corrections_or_a_reopening() {
        fixture.given(anAcceptedAndConnectedReferral()).andGiven(closed())
                .when(new RecordAttendanceCommand(REFERRAL_ID, null, ATTENDANCE_ID, ACTIVITY_ID, TODAY,
                        AttendanceStatus.ATTENDED))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(containsString("only corrections or an explicit reopening"));
    }

    @Test
    void a_referral_cannot_be_closed_twice() {
        fixture.given(anAcceptedAndConnectedReferral()).andGiven(closed())
                .when(new CloseReferralCommand(REFERRAL_ID, null, TODAY, ClosureOutcome.OTHER, List.of(), "Again",
                        null))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void corrections_are_allowed_after_closure() {
        fixture.given(anAcceptedAndConnectedReferral()).andGiven(attended(), closed())
                .when(new VoidAttendanceCommand(REFERRAL_ID, null, ATTENDANCE_ID, "Duplicate entry", null))
                .expectEvents(new AttendanceVoided(REFERRAL_ID, ATTENDANCE_ID, "Duplicate entry", TODAY));
    }

    @Test
    void a_reopened_referral_takes_attendance_again() {
        fixture.given(anAcceptedAndConnectedReferral())
                .andGiven(closed(), new ReferralReopened(REFERRAL_ID, TODAY, "Closed by mistake"))
                .when(new RecordAttendanceCommand(REFERRAL_ID, null, ATTENDANCE_ID, ACTIVITY_ID, TODAY,
                        AttendanceStatus.ATTENDED))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void only_a_closed_or_declined_referral_is_reopened() {
        fixture.given(anAcceptedAndConnectedReferral())
                .when(new ReopenReferralCommand(REFERRAL_ID, null, TODAY, "Why not"))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void reopening_needs_a_reason() {
        fixture.given(anAcceptedAndConnectedReferral()).andGiven(closed())
                .when(new ReopenReferralCommand(REFERRAL_ID, null, TODAY, ""))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }
}

package org.wayfinder.command.referral;

import static org.wayfinder.command.referral.ReferralFixtures.*;

import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.access.AccessDenied;
import org.wayfinder.kernel.referral.AcceptReferralCommand;
import org.wayfinder.kernel.referral.AttendanceStatus;
import org.wayfinder.kernel.referral.RecordAttendanceCommand;

class OrganisationScopingTest {

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = referralFixture();
    }

    private static GenericDomainEventMessage<?> receivedBy(String organisation) {
        return new GenericDomainEventMessage<>("Referral", REFERRAL_ID, 0, aReferralReceived(REFERRED_ON),
                MetaData.with("organisation", organisation));
    }

    private static Map<String, String> actor(String role, String organisation) {
        return Map.of("actorRole", role, "organisation", organisation);
    }

    @Test
    void a_link_worker_acts_on_their_own_organisations_referral() {
        fixture.given(receivedBy("F83004"))
                .when(new AcceptReferralCommand(REFERRAL_ID, null, "lw-042", TODAY), actor("LINK_WORKER", "F83004"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_link_worker_cannot_act_on_another_organisations_referral() {
        fixture.given(receivedBy("F83004"))
                .when(new AcceptReferralCommand(REFERRAL_ID, null, "lw-099", TODAY), actor("LINK_WORKER", "Y01234"))
                .expectNoEvents()
                .expectException(AccessDenied.class);
    }

    @Test
    void a_provider_records_attendance_at_its_own_activity() {
        fixture.given(receivedBy("F83004"), accepted(), contacted(), connected())
                .when(new RecordAttendanceCommand(REFERRAL_ID, null, ATTENDANCE_ID, ACTIVITY_ID, TODAY,
                        AttendanceStatus.ATTENDED), actor("PROVIDER", PROVIDER_ID))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_provider_cannot_record_attendance_at_another_providers_activity() {
        fixture.given(receivedBy("F83004"), accepted(), contacted(), connected())
                .when(new RecordAttendanceCommand(REFERRAL_ID, null, ATTENDANCE_ID, ACTIVITY_ID, TODAY,
                        AttendanceStatus.ATTENDED), actor("PROVIDER", "another-provider"))
                .expectNoEvents()
                .expectException(AccessDenied.class);
    }

    @Test
    void a_provider_cannot_change_the_rest_of_the_referral() {
        fixture.given(receivedBy("F83004"))
                .when(new AcceptReferralCommand(REFERRAL_ID, null, "lw-042", TODAY), actor("PROVIDER", PROVIDER_ID))
                .expectNoEvents()
                .expectException(AccessDenied.class);
    }
}

package org.wayfinder.command.directory;

import static org.wayfinder.command.directory.DirectoryFixtures.CLOCK;
import static org.wayfinder.command.directory.DirectoryFixtures.MARSHES;
import static org.wayfinder.command.directory.DirectoryFixtures.TODAY;
import static org.wayfinder.command.directory.DirectoryFixtures.WEEKLY_ON_TUESDAYS;
import static org.wayfinder.command.directory.DirectoryFixtures.activityDetailsChanged;
import static org.wayfinder.command.directory.DirectoryFixtures.anActivityRegistered;
import static org.wayfinder.command.directory.DirectoryFixtures.anActivityRetired;
import static org.wayfinder.command.directory.DirectoryFixtures.changeActivityDetails;
import static org.wayfinder.command.directory.DirectoryFixtures.venueIn;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

class ChangingAnActivityTest {

    private AggregateTestFixture<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void an_activitys_details_change_and_the_new_version_is_returned() {
        fixture.given(anActivityRegistered())
                .when(changeActivityDetails())
                .expectEvents(activityDetailsChanged())
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_change_naming_the_current_version_is_accepted() {
        fixture.given(anActivityRegistered())
                .when(changeActivityDetails(0L, TODAY, WEEKLY_ON_TUESDAYS, 12, MARSHES))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_change_naming_an_older_version_is_refused() {
        fixture.given(anActivityRegistered(), activityDetailsChanged())
                .when(changeActivityDetails(0L, TODAY, WEEKLY_ON_TUESDAYS, 12, MARSHES))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void a_retired_activitys_details_cannot_change() {
        fixture.given(anActivityRegistered(), anActivityRetired())
                .when(changeActivityDetails())
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("Activity 7e8d9c0b-1a2f-4e3d-8c7b-6a5f4e3d2c1b is retired; its details can no longer change.");
    }

    @Test
    void a_change_cannot_be_dated_in_the_future() {
        fixture.given(anActivityRegistered())
                .when(changeActivityDetails(null, TODAY.plusDays(1), WEEKLY_ON_TUESDAYS, 12, MARSHES))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("A change of an activity's details cannot be dated in the future (2026-11-26).");
    }

    @Test
    void a_change_keeps_at_least_one_place_per_session() {
        fixture.given(anActivityRegistered())
                .when(changeActivityDetails(null, TODAY, WEEKLY_ON_TUESDAYS, -3, MARSHES))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void a_change_keeps_the_activity_in_london() {
        fixture.given(anActivityRegistered())
                .when(changeActivityDetails(null, TODAY, WEEKLY_ON_TUESDAYS, 12, venueIn("S12000036")))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void a_change_keeps_the_schedule_a_recurrence_rule() {
        fixture.given(anActivityRegistered())
                .when(changeActivityDetails(null, TODAY, "FREQ=HOURLY", 12, MARSHES))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }
}

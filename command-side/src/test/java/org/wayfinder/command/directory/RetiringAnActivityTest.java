package org.wayfinder.command.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wayfinder.command.directory.DirectoryFixtures.CLOCK;
import static org.wayfinder.command.directory.DirectoryFixtures.TODAY;
import static org.wayfinder.command.directory.DirectoryFixtures.activityDetailsChanged;
import static org.wayfinder.command.directory.DirectoryFixtures.anActivityRegistered;
import static org.wayfinder.command.directory.DirectoryFixtures.anActivityRetired;
import static org.wayfinder.command.directory.DirectoryFixtures.retireActivity;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

class RetiringAnActivityTest {

    private AggregateTestFixture<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void an_activity_is_retired() {
        fixture.given(anActivityRegistered(), activityDetailsChanged())
                .when(retireActivity())
                .expectEvents(anActivityRetired())
                .expectResultMessagePayload(2L)
                .expectState(activity -> assertThat(activity.isRetired()).isTrue());
    }

    @Test
    void an_activity_cannot_be_retired_twice() {
        fixture.given(anActivityRegistered(), anActivityRetired())
                .when(retireActivity())
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("Activity 7e8d9c0b-1a2f-4e3d-8c7b-6a5f4e3d2c1b is already retired.");
    }

    @Test
    void a_retirement_cannot_be_dated_in_the_future() {
        fixture.given(anActivityRegistered())
                .when(retireActivity(TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("An activity's retirement cannot be dated in the future (2026-11-26).");
    }
}

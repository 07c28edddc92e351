package org.wayfinder.command.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wayfinder.command.directory.DirectoryFixtures.CLOCK;
import static org.wayfinder.command.directory.DirectoryFixtures.TODAY;
import static org.wayfinder.command.directory.DirectoryFixtures.aProviderRegistered;
import static org.wayfinder.command.directory.DirectoryFixtures.registerProvider;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

class RegisteringAProviderTest {

    private AggregateTestFixture<Provider> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Provider.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void a_provider_is_registered() {
        fixture.givenNoPriorActivity()
                .when(registerProvider())
                .expectSuccessfulHandlerExecution()
                .expectEvents(aProviderRegistered())
                .expectState(provider -> assertThat(provider.version()).isZero());
    }

    @Test
    void a_provider_can_be_registered_today() {
        fixture.givenNoPriorActivity()
                .when(registerProvider(TODAY, List.of("E09000001")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_provider_cannot_be_registered_in_the_future() {
        fixture.givenNoPriorActivity()
                .when(registerProvider(TODAY.plusDays(1), List.of("E09000012")))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("A provider's registration cannot be dated in the future (2026-11-26).");
    }

    @Test
    void a_provider_must_serve_only_london_boroughs() {
        fixture.givenNoPriorActivity()
                .when(registerProvider(TODAY, List.of("E09000012", "W06000015")))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("'W06000015' is not the GSS code of a London borough (E09000001 to E09000033).");
    }

    @Test
    void a_provider_must_serve_at_least_one_borough() {
        fixture.givenNoPriorActivity()
                .when(registerProvider(TODAY, List.of()))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("A provider must serve at least one London borough.");
    }
}

package org.wayfinder.command.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wayfinder.command.directory.DirectoryFixtures.CLOCK;
import static org.wayfinder.command.directory.DirectoryFixtures.TODAY;
import static org.wayfinder.command.directory.DirectoryFixtures.aProviderRegistered;
import static org.wayfinder.command.directory.DirectoryFixtures.aProviderRetired;
import static org.wayfinder.command.directory.DirectoryFixtures.retireProvider;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

class RetiringAProviderTest {

    private AggregateTestFixture<Provider> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Provider.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void a_provider_is_retired() {
        fixture.given(aProviderRegistered())
                .when(retireProvider())
                .expectEvents(aProviderRetired())
                .expectResultMessagePayload(1L)
                .expectState(provider -> assertThat(provider.isRetired()).isTrue());
    }

    @Test
    void a_provider_cannot_be_retired_twice() {
        fixture.given(aProviderRegistered(), aProviderRetired())
                .when(retireProvider())
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("Provider 3f6c1d2e-8a7b-4c5d-9e0f-1a2b3c4d5e6f is already retired.");
    }

    @Test
    void a_retirement_cannot_be_dated_in_the_future() {
        fixture.given(aProviderRegistered())
                .when(retireProvider(TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("A provider's retirement cannot be dated in the future (2026-11-26).");
    }
}

package org.wayfinder.command.directory;

import static org.wayfinder.command.directory.DirectoryFixtures.CLOCK;
import static org.wayfinder.command.directory.DirectoryFixtures.TODAY;
import static org.wayfinder.command.directory.DirectoryFixtures.aProviderRegistered;
import static org.wayfinder.command.directory.DirectoryFixtures.aProviderRetired;
import static org.wayfinder.command.directory.DirectoryFixtures.changeProviderDetails;
import static org.wayfinder.command.directory.DirectoryFixtures.providerDetailsChanged;

import java.util.List;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

class ChangingAProviderTest {

    private AggregateTestFixture<Provider> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Provider.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void a_providers_details_change_and_the_new_version_is_returned() {
        fixture.given(aProviderRegistered())
                .when(changeProviderDetails())
                .expectEvents(providerDetailsChanged())
                .expectResultMessagePayload(1L);
    }

    @Test
    void every_change_moves_the_version_on() {
        fixture.given(aProviderRegistered(), providerDetailsChanged())
                .when(changeProviderDetails())
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_change_naming_the_current_version_is_accepted() {
        fixture.given(aProviderRegistered(), providerDetailsChanged())
                .when(changeProviderDetails(1L, TODAY, List.of("E09000012")))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_change_naming_an_older_version_is_refused() {
        fixture.given(aProviderRegistered(), providerDetailsChanged())
                .when(changeProviderDetails(0L, TODAY, List.of("E09000012")))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void a_retired_providers_details_cannot_change() {
        fixture.given(aProviderRegistered(), aProviderRetired())
                .when(changeProviderDetails())
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("Provider 3f6c1d2e-8a7b-4c5d-9e0f-1a2b3c4d5e6f is retired; its details can no longer change.");
    }

    @Test
    void a_change_cannot_be_dated_in_the_future() {
        fixture.given(aProviderRegistered())
                .when(changeProviderDetails(null, TODAY.plusDays(1), List.of("E09000012")))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("A change of a provider's details cannot be dated in the future (2026-11-26).");
    }

    @Test
    void a_change_must_keep_the_provider_in_london() {
        fixture.given(aProviderRegistered())
                .when(changeProviderDetails(null, TODAY, List.of("E06000023")))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }
}

package org.wayfinder.command.directory;

import static org.wayfinder.command.directory.DirectoryFixtures.CLOCK;
import static org.wayfinder.command.directory.DirectoryFixtures.PROVIDER_ID;
import static org.wayfinder.command.directory.DirectoryFixtures.aProviderRegistered;
import static org.wayfinder.command.directory.DirectoryFixtures.changeProviderDetails;

import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.access.AccessDenied;

class ProviderScopingTest {

    private AggregateTestFixture<Provider> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Provider.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void a_provider_keeps_its_own_entry() {
        fixture.given(aProviderRegistered())
                .when(changeProviderDetails(), Map.of("actorRole", "PROVIDER", "organisation", PROVIDER_ID))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_provider_cannot_change_another_providers_entry() {
        fixture.given(aProviderRegistered())
                .when(changeProviderDetails(), Map.of("actorRole", "PROVIDER", "organisation", "someone-else"))
                .expectNoEvents()
                .expectException(AccessDenied.class);
    }

    @Test
    void an_administrator_keeps_any_entry() {
        fixture.given(aProviderRegistered())
                .when(changeProviderDetails(), Map.of("actorRole", "ADMIN", "organisation", "QMF"))
                .expectSuccessfulHandlerExecution();
    }
}

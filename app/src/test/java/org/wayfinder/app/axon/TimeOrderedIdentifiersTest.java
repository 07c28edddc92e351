package org.wayfinder.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class TimeOrderedIdentifiersTest {

    @Test
    void axon_finds_it_and_gives_events_version_7_identifiers() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);

        UUID id = UUID.fromString(GenericEventMessage.asEventMessage("payload").getIdentifier());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void identifiers_made_one_after_another_sort_in_that_order_as_text() {
        IdentifierFactory identifiers = new TimeOrderedIdentifiers();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            made.add(identifiers.generateIdentifier());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        long millis = System.currentTimeMillis();
        long first = UUID.fromString(made.get(0)).getMostSignificantBits() >>> 16;
        assertThat(first).isBetween(millis - 60_000, millis);
    }
}

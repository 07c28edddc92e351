package org.wayfinder.kernel.directory;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replace a provider's details; {@code expectedVersion}, when given, refuses the change if the provider moved on. */
public record ChangeProviderDetailsCommand(
        @TargetAggregateIdentifier String providerId,
        @TargetAggregateVersion Long expectedVersion,
        String name,
        String description,
        String charityNumber,
        String odsCode,
        String website,
        String email,
        List<String> boroughsServed,
        LocalDate changedOn) {

    public ChangeProviderDetailsCommand {
        boroughsServed = boroughsServed == null ? List.of() : List.copyOf(boroughsServed);
    }
}

package org.wayfinder.kernel.directory;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a VCSE organisation to the directory. */
public record RegisterProviderCommand(
        @TargetAggregateIdentifier String providerId,
        String name,
        String description,
        String charityNumber,
        String odsCode,
        String website,
        String email,
        List<String> boroughsServed,
        LocalDate registeredOn) {

    public RegisterProviderCommand {
        boroughsServed = boroughsServed == null ? List.of() : List.copyOf(boroughsServed);
    }
}

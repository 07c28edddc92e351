package org.wayfinder.kernel.directory;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a provider's activity to the directory. */
public record RegisterActivityCommand(
        @TargetAggregateIdentifier String activityId,
        String providerId,
        String name,
        String description,
        List<String> taxonomy,
        ActivityLocation location,
        String schedule,
        int capacityPerSession,
        LocalDate registeredOn) {

    public RegisterActivityCommand {
        taxonomy = taxonomy == null ? List.of() : List.copyOf(taxonomy);
    }
}

package org.wayfinder.kernel.directory;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replace an activity's details; {@code expectedVersion}, when given, refuses the change if the activity moved on. */
public record ChangeActivityDetailsCommand(
        @TargetAggregateIdentifier String activityId,
        @TargetAggregateVersion Long expectedVersion,
        String name,
        String description,
        List<String> taxonomy,
        ActivityLocation location,
        String schedule,
        int capacityPerSession,
        LocalDate changedOn) {

    public ChangeActivityDetailsCommand {
        taxonomy = taxonomy == null ? List.of() : List.copyOf(taxonomy);
    }
}

package org.wayfinder.kernel.person;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Merge a duplicate person (the target) into the surviving one. */
public record MergePersonCommand(
        @TargetAggregateIdentifier String personId,
        String survivorId,
        LocalDate mergedOn,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}

package org.wayfinder.kernel.directory;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Stop an activity; people can no longer be connected to it. */
public record RetireActivityCommand(
        @TargetAggregateIdentifier String activityId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate retiredOn,
        String reason) {
}

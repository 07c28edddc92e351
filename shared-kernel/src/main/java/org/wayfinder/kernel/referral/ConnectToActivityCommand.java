package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Connect the person to an activity of the directory. */
public record ConnectToActivityCommand(
        @TargetAggregateIdentifier String referralId,
        @TargetAggregateVersion Long expectedVersion,
        String activityId,
        LocalDate connectedOn) {
}

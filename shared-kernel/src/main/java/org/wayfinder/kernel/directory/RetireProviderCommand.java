package org.wayfinder.kernel.directory;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Take a provider out of the directory. */
public record RetireProviderCommand(
        @TargetAggregateIdentifier String providerId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate retiredOn,
        String reason) {
}

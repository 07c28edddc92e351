package org.wayfinder.kernel.person;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record that a person withdraws consent for one scope. */
public record WithdrawConsentCommand(
        @TargetAggregateIdentifier String personId,
        ConsentScope scope,
        LocalDate withdrawnOn,
        @TargetAggregateVersion Long expectedVersion) {
}

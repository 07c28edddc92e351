package org.wayfinder.kernel.person;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Erase a person's identity; their key is destroyed once the erasure is recorded. */
public record ErasePersonCommand(
        @TargetAggregateIdentifier String personId,
        LocalDate erasedOn,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}

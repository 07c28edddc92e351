package org.wayfinder.kernel.person;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replace a person's identity with a newly encrypted one. */
public record ChangePersonIdentityCommand(
        @TargetAggregateIdentifier String personId,
        LocalDate changedOn,
        EncryptedIdentity identity,
        AgeBand ageBand,
        @TargetAggregateVersion Long expectedVersion) {
}

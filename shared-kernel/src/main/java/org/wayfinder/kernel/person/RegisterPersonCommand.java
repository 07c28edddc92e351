package org.wayfinder.kernel.person;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a person whose identity was already encrypted at the edge. */
public record RegisterPersonCommand(
        @TargetAggregateIdentifier String personId,
        LocalDate registeredOn,
        EncryptedIdentity identity,
        AgeBand ageBand,
        Sex sex,
        EthnicCategory ethnicCategory,
        Integer imdDecile,
        String imdEdition,
        String boroughGssCode) {
}

package org.wayfinder.kernel.person;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record a person's demographics, replacing the previous ones. */
public record RecordPersonDemographicsCommand(
        @TargetAggregateIdentifier String personId,
        LocalDate recordedOn,
        Sex sex,
        EthnicCategory ethnicCategory,
        Integer imdDecile,
        String imdEdition,
        String boroughGssCode,
        @TargetAggregateVersion Long expectedVersion) {
}

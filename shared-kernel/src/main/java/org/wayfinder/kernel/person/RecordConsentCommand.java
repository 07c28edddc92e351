package org.wayfinder.kernel.person;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record that a person consents to one scope. */
public record RecordConsentCommand(
        @TargetAggregateIdentifier String personId,
        ConsentScope scope,
        LocalDate recordedOn,
        @TargetAggregateVersion Long expectedVersion) {
}

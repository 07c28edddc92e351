package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record the link worker's first contact with the person. */
public record RecordFirstContactCommand(
        @TargetAggregateIdentifier String referralId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate contactedOn,
        ContactChannel channel) {
}

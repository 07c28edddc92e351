package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Accept a referral on behalf of a link worker. */
public record AcceptReferralCommand(
        @TargetAggregateIdentifier String referralId,
        @TargetAggregateVersion Long expectedVersion,
        String linkWorkerId,
        LocalDate acceptedOn) {
}

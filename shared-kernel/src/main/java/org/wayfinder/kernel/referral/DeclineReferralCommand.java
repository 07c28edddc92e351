package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record that a referral was declined. */
public record DeclineReferralCommand(
        @TargetAggregateIdentifier String referralId,
        @TargetAggregateVersion Long expectedVersion,
        DeclinedBy declinedBy,
        DeclineReason reason,
        String note,
        LocalDate declinedOn) {
}

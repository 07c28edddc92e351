package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a new referral to a link worker. */
public record ReceiveReferralCommand(
        @TargetAggregateIdentifier String referralId,
        String personId,
        LocalDate referredOn,
        ReferralSource source,
        String referrerOrganisation,
        String gpPractice,
        String pcn,
        String boroughGssCode,
        List<String> needs,
        ReferralUrgency urgency) {

    public ReceiveReferralCommand {
        needs = needs == null ? List.of() : List.copyOf(needs);
    }
}

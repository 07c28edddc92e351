package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Close a referral with its outcome and the message back to the GP and referrer. */
public record CloseReferralCommand(
        @TargetAggregateIdentifier String referralId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate closedOn,
        ClosureOutcome outcome,
        List<String> needsAddressed,
        String supportSummary,
        String nextSteps) {
}

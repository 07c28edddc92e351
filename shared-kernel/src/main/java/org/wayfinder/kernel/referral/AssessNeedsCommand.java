package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record an assessment of needs, what matters and goals. */
public record AssessNeedsCommand(
        @TargetAggregateIdentifier String referralId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate assessedOn,
        List<String> needs,
        String whatMatters,
        List<String> goals) {
}

package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import java.util.List;

/**
 * The link worker assessed the person's needs and what matters to them, and agreed goals.
 *
 * @param needs       need codes (see {@link Need})
 * @param whatMatters what matters to the person, in their words
 * @param goals       the goals agreed in the personalised plan
 */
public record NeedsAssessed(String referralId, LocalDate assessedOn, List<String> needs, String whatMatters,
                            List<String> goals) implements ReferralEvent {

    public NeedsAssessed {
        needs = needs == null ? List.of() : List.copyOf(needs);
        goals = goals == null ? List.of() : List.copyOf(goals);
    }
}

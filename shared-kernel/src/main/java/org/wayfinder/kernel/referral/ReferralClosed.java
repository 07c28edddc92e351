package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import java.util.List;

/**
 * The referral was closed with an outcome, and the closing summary (the Social Prescribing
 * Information Standard's "message back to GP and referrer") was recorded.
 *
 * @param needsAddressed      need codes the support addressed
 * @param activitiesConnected the activities the person was connected to, as known when closing
 * @param supportSummary      the support offered and what happened, for the GP and referrer
 * @param nextSteps           anything the GP or referrer should do next, or null
 */
public record ReferralClosed(String referralId, LocalDate closedOn, ClosureOutcome outcome,
                             List<String> needsAddressed, List<String> activitiesConnected, String supportSummary,
                             String nextSteps) implements ReferralEvent {

    public ReferralClosed {
        needsAddressed = needsAddressed == null ? List.of() : List.copyOf(needsAddressed);
        activitiesConnected = activitiesConnected == null ? List.of() : List.copyOf(activitiesConnected);
    }
}

package org.wayfinder.kernel.referral;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.wayfinder.kernel.wellbeing.OnsLonelinessFrequency;

/** A recorded wellbeing measure had wrong item responses; these are the right ones, and why. */
@Revision("2")
public record WellbeingMeasureCorrected(String referralId, String measureId, List<Integer> itemResponses,
                                        OnsLonelinessFrequency onsLoneliness, String reason,
                                        java.time.LocalDate correctedOn) implements ReferralEvent {

    public WellbeingMeasureCorrected {
        itemResponses = itemResponses == null ? List.of() : java.util.Collections.unmodifiableList(
                new java.util.ArrayList<>(itemResponses));
    }
}

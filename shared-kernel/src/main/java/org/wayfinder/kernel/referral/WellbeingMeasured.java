package org.wayfinder.kernel.referral;

import java.time.LocalDate;
import java.util.List;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.OnsLonelinessFrequency;
import org.wayfinder.kernel.wellbeing.TimePoint;

/**
 * The person answered a wellbeing instrument. Item responses are kept as given; scores are derived in
 * code from them and the instrument version.
 *
 * @param daysSinceBaseline days since this referral's baseline of the same instrument; null for a baseline
 * @param onsLoneliness     the ONS direct loneliness question, asked beside UCLA-3; null when not asked
 */
public record WellbeingMeasured(String referralId, String measureId, Instrument instrument,
                                String instrumentVersion, TimePoint timePoint, LocalDate measuredOn,
                                Integer daysSinceBaseline, List<Integer> itemResponses,
                                OnsLonelinessFrequency onsLoneliness) implements ReferralEvent {

    public WellbeingMeasured {
        itemResponses = itemResponses == null ? List.of() : java.util.Collections.unmodifiableList(
                new java.util.ArrayList<>(itemResponses));
    }
}

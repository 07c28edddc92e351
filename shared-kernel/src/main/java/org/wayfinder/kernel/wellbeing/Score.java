package org.wayfinder.kernel.wellbeing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A score derived from one complete set of responses to one instrument. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "instrument")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SwemwbsScore.class, name = "SWEMWBS"),
    @JsonSubTypes.Type(value = WemwbsScore.class, name = "WEMWBS"),
    @JsonSubTypes.Type(value = Ons4Score.class, name = "ONS4"),
    @JsonSubTypes.Type(value = Ucla3Score.class, name = "UCLA3")
})
public sealed interface Score permits SwemwbsScore, WemwbsScore, Ons4Score, Ucla3Score {

    Instrument instrument();
}

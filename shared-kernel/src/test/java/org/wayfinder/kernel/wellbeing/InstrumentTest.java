package org.wayfinder.kernel.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wayfinder.kernel.serialization.EventFormat;

class InstrumentTest {

    @ParameterizedTest(name = "{0}: {1} items of {2}..{3}, {4}")
    @CsvSource({
        "SWEMWBS, 7, 1, 5, SWEMWBS v1",
        "WEMWBS, 14, 1, 5, WEMWBS v1",
        "ONS4, 4, 0, 10, ONS4 2011",
        "UCLA3, 3, 1, 3, UCLA-3 (Hughes 2004)"
    })
    void each_instrument_records_its_items_range_and_version(
            Instrument instrument, int items, int min, int max, String version) {
        assertThat(instrument.itemCount()).isEqualTo(items);
        assertThat(instrument.minResponse()).isEqualTo(min);
        assertThat(instrument.maxResponse()).isEqualTo(max);
        assertThat(instrument.version()).isEqualTo(version);
    }

    @Test
    void scores_round_trip_through_the_stored_json_format_named_by_instrument() throws Exception {
        ObjectMapper mapper = EventFormat.objectMapper();
        Score[] scores = {SwemwbsScore.ofRaw(15), new WemwbsScore(43), new Ons4Score(6, 7, 5, 8), new Ucla3Score(6)};

        for (Score score : scores) {
            String json = mapper.writeValueAsString(score);
            assertThat(mapper.readTree(json).get("instrument").asText()).isEqualTo(score.instrument().name());
            assertThat(mapper.readValue(json, Score.class)).isEqualTo(score);
        }
        assertThat(mapper.writeValueAsString(SwemwbsScore.ofRaw(15)))
                .isEqualTo("{\"instrument\":\"SWEMWBS\",\"metricHundredths\":1584,\"raw\":15}");
    }
}

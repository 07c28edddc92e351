package org.wayfinder.command.referral;

import static org.hamcrest.Matchers.containsString;
import static org.wayfinder.command.referral.ReferralFixtures.*;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.referral.*;
import org.wayfinder.kernel.rules.BusinessRuleViolation;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.TimePoint;

class MeasuringWellbeingTest {

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = referralFixture();
    }

    private static final String FOLLOW_UP_ID = "e2e2e2e2-2222-4333-8444-555555555555";

    @Test
    void a_baseline_is_recorded_with_its_instrument_version() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted())
                .when(new RecordWellbeingMeasureCommand(REFERRAL_ID, null, MEASURE_ID, Instrument.SWEMWBS,
                        TimePoint.BASELINE, REFERRED_ON.plusDays(3), SWEMWBS_RAW_19, null))
                .expectEvents(swemwbsBaseline());
    }

    @Test
    void a_follow_up_records_the_days_since_its_baseline() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted(), swemwbsBaseline())
                .when(new RecordWellbeingMeasureCommand(REFERRAL_ID, null, FOLLOW_UP_ID, Instrument.SWEMWBS,
                        TimePoint.FOLLOW_UP, REFERRED_ON.plusDays(59), SWEMWBS_RAW_23, null))
                .expectEvents(new WellbeingMeasured(REFERRAL_ID, FOLLOW_UP_ID, Instrument.SWEMWBS,
                        Instrument.SWEMWBS.version(), TimePoint.FOLLOW_UP, REFERRED_ON.plusDays(59), 56,
                        SWEMWBS_RAW_23, null));
    }

    @Test
    void a_second_baseline_of_the_same_instrument_is_refused() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted(), swemwbsBaseline())
                .when(new RecordWellbeingMeasureCommand(REFERRAL_ID, null, FOLLOW_UP_ID, Instrument.SWEMWBS,
                        TimePoint.BASELINE, TODAY, SWEMWBS_RAW_23, null))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void a_voided_baseline_can_be_recorded_again() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted(), swemwbsBaseline(),
                        new WellbeingMeasureVoided(REFERRAL_ID, MEASURE_ID, "Wrong person", TODAY))
                .when(new RecordWellbeingMeasureCommand(REFERRAL_ID, null, FOLLOW_UP_ID, Instrument.SWEMWBS,
                        TimePoint.BASELINE, TODAY, SWEMWBS_RAW_23, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_follow_up_cannot_be_before_its_baseline() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted(), swemwbsBaseline())
                .when(new RecordWellbeingMeasureCommand(REFERRAL_ID, null, FOLLOW_UP_ID, Instrument.SWEMWBS,
                        TimePoint.FOLLOW_UP, REFERRED_ON.plusDays(2), SWEMWBS_RAW_23, null))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void an_incomplete_response_is_refused_naming_the_instrument() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted())
                .when(new RecordWellbeingMeasureCommand(REFERRAL_ID, null, MEASURE_ID, Instrument.SWEMWBS,
                        TimePoint.BASELINE, TODAY, List.of(3, 3, 3), null))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(containsString("SWEMWBS"));
    }

    @Test
    void an_out_of_range_response_is_refused() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted())
                .when(new RecordWellbeingMeasureCommand(REFERRAL_ID, null, MEASURE_ID, Instrument.ONS4,
                        TimePoint.BASELINE, TODAY, List.of(5, 6, 11, 2), null))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(containsString("item 3"));
    }

    @Test
    void a_correction_is_checked_against_the_measures_instrument() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted(), swemwbsBaseline())
                .when(new CorrectWellbeingMeasureCommand(REFERRAL_ID, null, MEASURE_ID, List.of(1, 2, 3, 4), null,
                        "Typo", null))
                .expectNoEvents()
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void a_measure_is_corrected_with_a_reason() {
        fixture.given(aReferralReceived(REFERRED_ON), accepted(), swemwbsBaseline())
                .when(new CorrectWellbeingMeasureCommand(REFERRAL_ID, null, MEASURE_ID, SWEMWBS_RAW_23, null,
                        "Transcription error", TODAY.minusDays(1)))
                .expectEvents(new WellbeingMeasureCorrected(REFERRAL_ID, MEASURE_ID, SWEMWBS_RAW_23, null,
                        "Transcription error", TODAY.minusDays(1)));
    }
}

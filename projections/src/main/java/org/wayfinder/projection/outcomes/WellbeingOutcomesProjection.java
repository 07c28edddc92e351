package org.wayfinder.projection.outcomes;

import java.sql.Array;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wayfinder.kernel.directory.ActivityDetailsChanged;
import org.wayfinder.kernel.directory.ActivityRegistered;
import org.wayfinder.kernel.person.EthnicCategory;
import org.wayfinder.kernel.person.PersonDemographicsRecorded;
import org.wayfinder.kernel.person.PersonMergedInto;
import org.wayfinder.kernel.person.PersonRegistered;
import org.wayfinder.kernel.referral.ConnectedToActivity;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.kernel.referral.WellbeingMeasureCorrected;
import org.wayfinder.kernel.referral.WellbeingMeasureVoided;
import org.wayfinder.kernel.referral.WellbeingMeasured;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.projection.support.BatchedWrites;

/**
 * Longitudinal wellbeing outcomes for evaluators: {@code wellbeing_outcome}, one scored row per measure with the
 * referral's context as received, keyed to the real person after merges. {@code outcome_referral} and
 * {@code outcome_person_alias} are this projection's own lookups, so it rebuilds without any other read model;
 * {@code outcome_person}, {@code outcome_activity} and {@code outcome_referral_activity} hold what groups are
 * compared by (demographics without identity, activity categories).
 */
@Component
@ProcessingGroup(WellbeingOutcomesProjection.PROCESSING_GROUP)
public class WellbeingOutcomesProjection {

    public static final String PROCESSING_GROUP = "wellbeing-outcomes";

    private static final String UPSERT_REFERRAL = """
            INSERT INTO outcome_referral (referral_id, person_id, referred_on, cohort_year, cohort_quarter,
                                          cohort_financial_year, borough_gss_code, source, needs)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (referral_id) DO UPDATE SET person_id = EXCLUDED.person_id,
                referred_on = EXCLUDED.referred_on, cohort_year = EXCLUDED.cohort_year,
                cohort_quarter = EXCLUDED.cohort_quarter, cohort_financial_year = EXCLUDED.cohort_financial_year,
                borough_gss_code = EXCLUDED.borough_gss_code, source = EXCLUDED.source, needs = EXCLUDED.needs
            """;

    // Reads outcome_referral and outcome_person_alias in SQL rather than in Java: earlier statements of the
    // same batch are not yet flushed when the handler runs, but they are when this statement executes.
    private static final String UPSERT_MEASURE = """
            INSERT INTO wellbeing_outcome (referral_id, measure_id, person_id, referral_person_id, instrument,
                instrument_version, time_point, measured_on, days_since_baseline, score_hundredths, swemwbs_raw,
                swemwbs_metric_hundredths, wemwbs_total, ons_life_satisfaction, ons_worthwhile, ons_happiness,
                ons_anxiety, ucla3_total, voided, corrected, referred_on, cohort_year, cohort_quarter,
                cohort_financial_year, borough_gss_code, source, needs)
            SELECT r.referral_id, ?::text, COALESCE(a.survivor_id, r.person_id), r.person_id, ?::text, ?::text,
                ?::text, ?::date, ?::integer, ?::integer, ?::integer, ?::integer, ?::integer, ?::integer, ?::integer,
                ?::integer, ?::integer, ?::integer, FALSE, FALSE, r.referred_on, r.cohort_year, r.cohort_quarter, r.cohort_financial_year,
                r.borough_gss_code, r.source, r.needs
            FROM outcome_referral r LEFT JOIN outcome_person_alias a ON a.person_id = r.person_id
            WHERE r.referral_id = ?
            ON CONFLICT (referral_id, measure_id) DO UPDATE SET person_id = EXCLUDED.person_id,
                referral_person_id = EXCLUDED.referral_person_id, instrument = EXCLUDED.instrument,
                instrument_version = EXCLUDED.instrument_version, time_point = EXCLUDED.time_point,
                measured_on = EXCLUDED.measured_on, days_since_baseline = EXCLUDED.days_since_baseline,
                score_hundredths = EXCLUDED.score_hundredths, swemwbs_raw = EXCLUDED.swemwbs_raw,
                swemwbs_metric_hundredths = EXCLUDED.swemwbs_metric_hundredths, wemwbs_total = EXCLUDED.wemwbs_total,
                ons_life_satisfaction = EXCLUDED.ons_life_satisfaction, ons_worthwhile = EXCLUDED.ons_worthwhile,
                ons_happiness = EXCLUDED.ons_happiness, ons_anxiety = EXCLUDED.ons_anxiety,
                ucla3_total = EXCLUDED.ucla3_total, voided = FALSE, corrected = FALSE
            """;

    // A correction does not name the instrument, and the measure's row may still be waiting in this batch, so
    // the responses are scored as every instrument and the row's own instrument picks its columns.
    private static final String RESCORE = """
            UPDATE wellbeing_outcome SET
                score_hundredths = CASE instrument WHEN 'SWEMWBS' THEN ?::integer WHEN 'WEMWBS' THEN ?::integer
                    WHEN 'UCLA3' THEN ?::integer END,
                swemwbs_raw = CASE WHEN instrument = 'SWEMWBS' THEN ?::integer END,
                swemwbs_metric_hundredths = CASE WHEN instrument = 'SWEMWBS' THEN ?::integer END,
                wemwbs_total = CASE WHEN instrument = 'WEMWBS' THEN ?::integer END,
                ons_life_satisfaction = CASE WHEN instrument = 'ONS4' THEN ?::integer END,
                ons_worthwhile = CASE WHEN instrument = 'ONS4' THEN ?::integer END,
                ons_happiness = CASE WHEN instrument = 'ONS4' THEN ?::integer END,
                ons_anxiety = CASE WHEN instrument = 'ONS4' THEN ?::integer END,
                ucla3_total = CASE WHEN instrument = 'UCLA3' THEN ?::integer END,
                corrected = TRUE
            WHERE referral_id = ? AND measure_id = ?
            """;

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    public WellbeingOutcomesProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(ReferralReceived event) {
        LocalDate on = event.referredOn();
        writes.add(UPSERT_REFERRAL, event.referralId(), event.personId(), on, on.getYear(),
                (on.getMonthValue() - 1) / 3 + 1, financialYear(on), event.boroughGssCode(), event.source().name(),
                textArray(event.needs()));
    }

    @EventHandler
    void on(WellbeingMeasured event) {
        OutcomeScores s = OutcomeScores.of(event.instrument(), event.itemResponses());
        writes.add(UPSERT_MEASURE, event.measureId(), event.instrument().name(), event.instrumentVersion(),
                event.timePoint().name(), event.measuredOn(), event.daysSinceBaseline(), s.scoreHundredths(),
                s.swemwbsRaw(), s.swemwbsMetricHundredths(), s.wemwbsTotal(), s.onsLifeSatisfaction(),
                s.onsWorthwhile(), s.onsHappiness(), s.onsAnxiety(), s.ucla3Total(), event.referralId());
    }

    @EventHandler
    void on(WellbeingMeasureCorrected event) {
        List<Integer> responses = event.itemResponses();
        OutcomeScores swemwbs = OutcomeScores.of(Instrument.SWEMWBS, responses);
        OutcomeScores wemwbs = OutcomeScores.of(Instrument.WEMWBS, responses);
        OutcomeScores ons4 = OutcomeScores.of(Instrument.ONS4, responses);
        OutcomeScores ucla3 = OutcomeScores.of(Instrument.UCLA3, responses);
        writes.add(RESCORE, swemwbs.scoreHundredths(), wemwbs.scoreHundredths(), ucla3.scoreHundredths(),
                swemwbs.swemwbsRaw(), swemwbs.swemwbsMetricHundredths(), wemwbs.wemwbsTotal(),
                ons4.onsLifeSatisfaction(), ons4.onsWorthwhile(), ons4.onsHappiness(), ons4.onsAnxiety(),
                ucla3.ucla3Total(), event.referralId(), event.measureId());
    }

    @EventHandler
    void on(WellbeingMeasureVoided event) {
        writes.add("UPDATE wellbeing_outcome SET voided = TRUE WHERE referral_id = ? AND measure_id = ?",
                event.referralId(), event.measureId());
    }

    @EventHandler
    void on(PersonMergedInto event) {
        // The command side refuses a survivor that is itself merged, so the survivor is final today; anyone
        // merged into this duplicate earlier now follows it to the survivor, keeping every alias one hop long.
        writes.add("""
                INSERT INTO outcome_person_alias (person_id, survivor_id, merged_on) VALUES (?, ?, ?)
                ON CONFLICT (person_id) DO UPDATE SET survivor_id = EXCLUDED.survivor_id,
                    merged_on = EXCLUDED.merged_on""", event.personId(), event.survivorId(), event.mergedOn());
        writes.add("UPDATE outcome_person_alias SET survivor_id = ? WHERE survivor_id = ?",
                event.survivorId(), event.personId());
        writes.add("UPDATE wellbeing_outcome SET person_id = ? WHERE person_id = ?",
                event.survivorId(), event.personId());
    }

    @EventHandler
    void on(PersonRegistered event) {
        writes.add("""
                INSERT INTO outcome_person (person_id, age_band, sex, ethnic_group, imd_decile, imd_edition)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (person_id) DO UPDATE SET age_band = EXCLUDED.age_band, sex = EXCLUDED.sex,
                    ethnic_group = EXCLUDED.ethnic_group, imd_decile = EXCLUDED.imd_decile,
                    imd_edition = EXCLUDED.imd_edition""", event.personId(), name(event.ageBand()),
                name(event.sex()), ethnicGroup(event.ethnicCategory()), event.imdDecile(), event.imdEdition());
    }

    @EventHandler
    void on(PersonDemographicsRecorded event) {
        // Replaces the demographics as a whole; the age band was fixed at registration and stays.
        writes.add("""
                INSERT INTO outcome_person (person_id, sex, ethnic_group, imd_decile, imd_edition)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (person_id) DO UPDATE SET sex = EXCLUDED.sex, ethnic_group = EXCLUDED.ethnic_group,
                    imd_decile = EXCLUDED.imd_decile, imd_edition = EXCLUDED.imd_edition""", event.personId(),
                name(event.sex()), ethnicGroup(event.ethnicCategory()), event.imdDecile(), event.imdEdition());
    }

    @EventHandler
    void on(ActivityRegistered event) {
        upsertActivity(event.activityId(), event.taxonomy());
    }

    @EventHandler
    void on(ActivityDetailsChanged event) {
        upsertActivity(event.activityId(), event.taxonomy());
    }

    @EventHandler
    void on(ConnectedToActivity event) {
        writes.add("""
                INSERT INTO outcome_referral_activity (referral_id, activity_id, connected_on) VALUES (?, ?, ?)
                ON CONFLICT (referral_id, activity_id) DO UPDATE SET connected_on = EXCLUDED.connected_on""",
                event.referralId(), event.activityId(), event.connectedOn());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE wellbeing_outcome, outcome_referral, outcome_person_alias, outcome_person, "
                + "outcome_activity, outcome_referral_activity");
    }

    /** An activity's category is its first taxonomy term, as recorded; uncategorised without one. */
    static String category(List<String> taxonomy) {
        String first = taxonomy.isEmpty() ? "uncategorised" : taxonomy.get(0);
        return first.length() > 100 ? first.substring(0, 100) : first;
    }

    private void upsertActivity(String activityId, List<String> taxonomy) {
        writes.add("""
                INSERT INTO outcome_activity (activity_id, category) VALUES (?, ?)
                ON CONFLICT (activity_id) DO UPDATE SET category = EXCLUDED.category""", activityId,
                category(taxonomy));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String ethnicGroup(EthnicCategory category) {
        return category == null ? null : category.broadGroup().name();
    }

    /** The NHS financial year (April to March) of a date, as {@code 2025/26}. */
    static String financialYear(LocalDate on) {
        int start = on.getMonthValue() >= 4 ? on.getYear() : on.getYear() - 1;
        return start + "/" + String.format("%02d", (start + 1) % 100);
    }

    private Array textArray(List<String> values) {
        return jdbc.execute((ConnectionCallback<Array>) connection ->
                connection.createArrayOf("text", values.toArray(String[]::new)));
    }
}

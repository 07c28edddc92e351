package org.wayfinder.query.exports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The two export files, each with its data dictionary. The columns and their order here are the file's header: one
 * list serves the file, {@code GET /api/exports/dictionary} and docs/exports.md.
 */
enum ExportKind {
    PERSON_LEVEL("person-level", "One row per person (merged duplicates counted once, as the surviving person) with at "
            + "least one referral selected by the filters.", List.of(
            new Column("person_pseudonym", "text (32 hex)", "HMAC-SHA256 of the person id under the export key, first "
                    + "128 bits in hex. Stable for the same person within one export key, unrelated across keys."),
            new Column("age_band", "code", "Age band on the date the person was registered (AGE_0_17, AGE_18_24, ... "
                    + "AGE_85_PLUS); never a date of birth."),
            new Column("sex", "code", "Stated sex, or empty when not recorded."),
            new Column("ethnic_group", "code", "Broad ethnic group (WHITE, MIXED, ASIAN, BLACK, OTHER, NOT_STATED) of the "
                    + "NHS ethnic category, or empty."),
            new Column("imd_decile", "integer 1-10", "IMD decile of the home area, 1 = most deprived 10%, or empty."),
            new Column("imd_edition", "code", "The IMD edition of the decile (IMD2019 or IoD2025); editions are not "
                    + "comparable."),
            new Column("first_referral_month", "YYYY-MM", "Month of the person's first selected referral."),
            new Column("first_referral_borough", "ONS GSS code", "London borough of that first referral."),
            new Column("first_referral_icb", "ODS code", "ICB of that borough on that referral's date (the STP with "
                    + "the same code before 1 July 2022)."),
            new Column("referrals", "integer", "Number of selected referrals of the person."),
            new Column("days_first_to_last_referral", "integer", "Days from the first to the last selected referral."),
            new Column("needs", "codes separated by ;", "Every need named on the selected referrals, deduplicated."),
            new Column("activity_categories", "codes separated by ;", "Categories (first taxonomy term) of every "
                    + "activity the selected referrals were connected to."),
            new Column("wellbeing_measures", "integer", "Unvoided wellbeing measures of any instrument on the selected "
                    + "referrals."),
            new Column("swemwbs_baseline_metric", "decimal", "SWEMWBS metric score (Rasch conversion) of the person's "
                    + "earliest unvoided SWEMWBS baseline on a selected referral, or empty."),
            new Column("swemwbs_first_follow_up_metric", "decimal", "SWEMWBS metric score of the first unvoided "
                    + "FOLLOW_UP or EXIT SWEMWBS of that same referral on or after the baseline, or empty."),
            new Column("swemwbs_follow_up_days", "integer", "Days from that baseline to that follow-up."))),
    EVENT_LEVEL("event-level", "One row per unvoided wellbeing measure (a WellbeingMeasured event, as corrected) on the "
            + "referrals selected by the filters.", List.of(
            new Column("person_pseudonym", "text (32 hex)", "As in the person-level file, under the same key: the two "
                    + "files join on it."),
            new Column("referral_pseudonym", "text (32 hex)", "HMAC-SHA256 of the referral id under the export key, "
                    + "first 128 bits in hex."),
            new Column("referral_month", "YYYY-MM", "Month the referral was received."),
            new Column("cohort_year", "integer", "Calendar year the referral was received."),
            new Column("cohort_quarter", "integer 1-4", "Calendar quarter the referral was received."),
            new Column("borough", "ONS GSS code", "The referral's London borough."),
            new Column("icb", "ODS code", "ICB of that borough on the referral date (the STP with the same code before "
                    + "1 July 2022)."),
            new Column("referral_source", "code", "Who referred (GP_PRACTICE, SELF_REFERRAL, ...)."),
            new Column("needs", "codes separated by ;", "Needs named on the referral."),
            new Column("instrument", "code", "SWEMWBS, WEMWBS, ONS4 or UCLA3."),
            new Column("instrument_version", "text", "The instrument's version as recorded."),
            new Column("time_point", "code", "BASELINE, FOLLOW_UP or EXIT, as recorded."),
            new Column("measured_month", "YYYY-MM", "Month the measure was taken."),
            new Column("days_since_baseline", "integer", "Days from the referral's earliest unvoided baseline of the "
                    + "same instrument to this measure (0 for that baseline), or empty without a baseline."),
            new Column("swemwbs_raw", "integer 7-35", "SWEMWBS raw sum."),
            new Column("swemwbs_metric", "decimal", "SWEMWBS metric score (official Rasch conversion table)."),
            new Column("wemwbs_total", "integer 14-70", "WEMWBS sum."),
            new Column("ons_life_satisfaction", "integer 0-10", "ONS4 life satisfaction."),
            new Column("ons_worthwhile", "integer 0-10", "ONS4 worthwhile."),
            new Column("ons_happiness", "integer 0-10", "ONS4 happiness yesterday."),
            new Column("ons_anxiety", "integer 0-10", "ONS4 anxiety yesterday (lower is better)."),
            new Column("ucla3_total", "integer 3-9", "UCLA-3 loneliness sum (higher is lonelier)."),
            new Column("corrected", "true/false", "Whether the responses were corrected after recording; the scores "
                    + "are the corrected ones.")));

    /** One column of an export file. */
    record Column(String name, String type, String meaning) {
    }

    private final String parameter;
    private final String rows;
    private final List<Column> columns;

    ExportKind(String parameter, String rows, List<Column> columns) {
        this.parameter = parameter;
        this.rows = rows;
        this.columns = columns;
    }

    static Optional<ExportKind> byParameter(String parameter) {
        return Arrays.stream(values()).filter(k -> k.parameter.equals(parameter)).findFirst();
    }

    String parameter() {
        return parameter;
    }

    String rows() {
        return rows;
    }

    List<Column> columns() {
        return columns;
    }

    String[] header() {
        return columns.stream().map(Column::name).toArray(String[]::new);
    }
}

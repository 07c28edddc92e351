package org.wayfinder.query.outcomes;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What evaluators compare outcomes by. Each joins a group {@code grp.g} to the {@code baseline b} rows of
 * {@link OutcomePairsRepository}; the SQL is fixed here, never taken from a request. A referral with several needs
 * or activity categories is counted in each of their groups, so such groups overlap.
 */
enum ComparisonGroup {
    NEED("need", "a need named on the referral (a referral with several needs is in each of their groups)",
            "CROSS JOIN LATERAL unnest(CASE WHEN cardinality(b.needs) = 0 THEN ARRAY[NULL]::text[] ELSE b.needs END)"
                    + " AS grp(g)"),
    ICB("icb", "ICB (or STP before 1 July 2022) of the referral's borough on the referral date",
            "LEFT JOIN LATERAL (SELECT h.ods_code AS g FROM ref_borough_health_area h WHERE h.gss_code = "
                    + "b.borough_gss_code AND h.valid_from <= b.referred_on AND (h.valid_to IS NULL OR h.valid_to > "
                    + "b.referred_on) LIMIT 1) grp ON TRUE"),
    IMD_QUINTILE("imdQuintile", "IMD quintile of the person's home area with its edition (Q1 most deprived = deciles "
            + "1-2); editions are not pooled",
            "LEFT JOIN outcome_person p ON p.person_id = b.person_id CROSS JOIN LATERAL (SELECT CASE WHEN "
                    + "p.imd_decile IS NULL THEN NULL ELSE coalesce(p.imd_edition, 'unknown edition') || ' Q' || "
                    + "((p.imd_decile + 1) / 2) END AS g) grp"),
    ACTIVITY_CATEGORY("activityCategory", "category (first taxonomy term) of an activity the referral was connected "
            + "to (a referral connected to several categories is in each; not connected = not recorded)",
            "LEFT JOIN LATERAL (SELECT DISTINCT a.category AS g FROM outcome_referral_activity ra JOIN "
                    + "outcome_activity a ON a.activity_id = ra.activity_id WHERE ra.referral_id = b.referral_id) grp"
                    + " ON TRUE"),
    AGE_BAND("ageBand", "the person's age band at registration",
            "LEFT JOIN outcome_person p ON p.person_id = b.person_id CROSS JOIN LATERAL (SELECT p.age_band AS g) grp"),
    SEX("sex", "the person's stated sex",
            "LEFT JOIN outcome_person p ON p.person_id = b.person_id CROSS JOIN LATERAL (SELECT p.sex AS g) grp"),
    ETHNIC_GROUP("ethnicGroup", "the person's broad ethnic group (NHS ethnic category, five groups plus not stated)",
            "LEFT JOIN outcome_person p ON p.person_id = b.person_id CROSS JOIN LATERAL (SELECT p.ethnic_group AS g)"
                    + " grp"),
    BOROUGH("borough", "the referral's borough (ONS GSS code)",
            "CROSS JOIN LATERAL (SELECT b.borough_gss_code AS g) grp");

    static final String NOT_RECORDED = "not recorded";

    private final String parameter;
    private final String definition;
    private final String join;

    ComparisonGroup(String parameter, String definition, String join) {
        this.parameter = parameter;
        this.definition = definition;
        this.join = join;
    }

    static Optional<ComparisonGroup> byParameter(String parameter) {
        return Arrays.stream(values()).filter(g -> g.parameter.equals(parameter)).findFirst();
    }

    static String parameters() {
        return Arrays.stream(values()).map(ComparisonGroup::parameter).collect(Collectors.joining(", "));
    }

    String parameter() {
        return parameter;
    }

    String definition() {
        return definition;
    }

    String join() {
        return join;
    }
}

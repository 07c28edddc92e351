package org.wayfinder.command.history.generator;

import java.util.List;

/**
 * The history import files and their columns, in the order they are written. docs/import-format.md
 * describes every column; readers should find columns by header name, not by position.
 */
public enum ImportFile {
    PROVIDERS("providers.csv", List.of("source_key", "provider_id", "name", "boroughs_served", "registered_on")),
    ACTIVITIES("activities.csv", List.of("source_key", "activity_id", "provider_id", "name", "taxonomy",
            "venue_borough_gss_code", "schedule", "capacity_per_session", "registered_on")),
    PEOPLE("people.csv", List.of("source_key", "person_id", "nhs_number", "given_name", "family_name",
            "date_of_birth", "postcode", "sex", "ethnic_category", "imd_decile", "imd_edition", "borough_gss_code",
            "registered_on", "merged_into_person_id", "erased_on", "age_band", "merged_on")),
    REFERRALS("referrals.csv", List.of("source_key", "referral_id", "person_id", "referred_on", "source",
            "referrer_organisation", "gp_practice", "pcn", "borough_gss_code", "needs", "urgency", "accepted_on",
            "link_worker_id", "declined_on", "declined_by", "decline_reason", "first_contact_on", "contact_channel",
            "assessed_on", "assessed_needs", "closed_on", "outcome")),
    CONNECTIONS("connections.csv", List.of("source_key", "referral_id", "activity_id", "connected_on")),
    ATTENDANCES("attendances.csv", List.of("source_key", "attendance_id", "referral_id", "activity_id", "session_on",
            "status")),
    WELLBEING("wellbeing.csv", List.of("source_key", "measure_id", "referral_id", "instrument", "time_point",
            "measured_on", "item_responses", "ons_loneliness"));

    /** Separates the values of a list inside one field (needs, item responses, boroughs served). */
    public static final String LIST_SEPARATOR = "|";

    private final String fileName;
    private final List<String> columns;

    ImportFile(String fileName, List<String> columns) {
        this.fileName = fileName;
        this.columns = columns;
    }

    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }
}

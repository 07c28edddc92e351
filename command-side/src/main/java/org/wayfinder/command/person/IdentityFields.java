package org.wayfinder.command.person;

import java.util.Locale;

/** Input rules and normalisation shared by the requests that carry an identity. */
public final class IdentityFields {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    /** Outward code, optional space, inward code (GOV.UK's simplified UK postcode shape). */
    public static final String POSTCODE_PATTERN = "(?i)\\s*[A-Z]{1,2}[0-9][A-Z0-9]?\\s?[0-9][A-Z]{2}\\s*";
    static final String POSTCODE_MESSAGE = "must be a UK postcode such as SE5 8AF";
    static final String PHONE_PATTERN = "\\+?[0-9][0-9 ()-]{6,19}";
    static final String PHONE_MESSAGE = "must be a phone number of 7 to 20 digits, spaces, brackets or hyphens";
    static final String IMD_EDITION_PATTERN = "IMD2019|IoD2025";
    static final String IMD_EDITION_MESSAGE = "must be IMD2019 or IoD2025";
    static final String BOROUGH_PATTERN = "E09\\d{6}";
    static final String BOROUGH_MESSAGE = "must be the GSS code of a London borough, such as E09000007";

    private IdentityFields() {
    }

    /** Upper case, one space before the three-character inward code. */
    public static String normalisedPostcode(String postcode) {
        String compact = postcode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

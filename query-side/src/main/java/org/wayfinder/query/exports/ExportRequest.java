package org.wayfinder.query.exports;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of {@code POST /api/exports}.
 *
 * @param kind      {@code person-level} or {@code event-level}
 * @param purpose   why the export is needed, in words; kept with the export and shown in its status
 * @param exportKey the id of the export key (a name, not a secret); the same id gives the same pseudonyms. Left out,
 *                  the server makes a new one and returns it
 * @param filters   which referrals; all when left out
 */
record ExportRequest(
        @NotBlank @Pattern(regexp = "person-level|event-level", message = "must be person-level or event-level")
        String kind,
        @NotBlank @Size(min = 10, max = 500, message = "must say why, in 10 to 500 characters") String purpose,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1-64 letters, digits, '.', '_' or '-'")
        String exportKey,
        @Valid Filters filters) {

    /** As the outcome endpoints' filters; each optional. */
    record Filters(LocalDate referredFrom, LocalDate referredTo, String cohort, String boroughGssCode, String icb,
                   String need) {
    }
}

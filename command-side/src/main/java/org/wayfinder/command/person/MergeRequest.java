package org.wayfinder.command.person;

import static org.wayfinder.command.person.IdentityFields.UUID_PATTERN;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /api/people/{id}/merge}; the date defaults to today. */
record MergeRequest(
        @NotBlank @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String survivorId,
        @NotBlank @Size(max = 500) String reason,
        LocalDate mergedOn) {
}

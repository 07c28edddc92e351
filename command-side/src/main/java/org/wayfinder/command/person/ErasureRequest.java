package org.wayfinder.command.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /api/people/{id}/erasure}; the date defaults to today. */
record ErasureRequest(@NotBlank @Size(max = 500) String reason, LocalDate erasedOn) {
}

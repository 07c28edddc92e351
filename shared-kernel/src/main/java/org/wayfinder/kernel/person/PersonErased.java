package org.wayfinder.kernel.person;

import java.time.LocalDate;

/**
 * A person's identity was erased by destroying their key; the non-identifying facts remain for analytics.
 *
 * @param personId the person's id
 * @param erasedOn business date of erasure
 * @param reason   why, in words that contain no personal data
 */
public record PersonErased(String personId, LocalDate erasedOn, String reason) implements PersonEvent {
}

package org.wayfinder.kernel.person;

import java.time.LocalDate;

/**
 * A person gave consent for one scope.
 *
 * @param personId   the person's id
 * @param scope      what they consented to
 * @param recordedOn business date consent was given
 */
public record ConsentRecorded(String personId, ConsentScope scope, LocalDate recordedOn) implements PersonEvent {
}

package org.wayfinder.kernel.person;

import java.time.LocalDate;

/**
 * A person's identity was corrected or updated; the new one replaces the old as a whole.
 *
 * @param personId  the person's id
 * @param changedOn business date of the change
 * @param identity  the new encrypted identity
 * @param ageBand   age band on {@code changedOn}, from the (possibly corrected) date of birth
 */
public record PersonIdentityChanged(
        String personId,
        LocalDate changedOn,
        EncryptedIdentity identity,
        AgeBand ageBand) implements PersonEvent {
}

package org.wayfinder.kernel.person;

import java.time.LocalDate;

/**
 * A person withdrew consent they had given for one scope.
 *
 * @param personId    the person's id
 * @param scope       what they withdrew consent for
 * @param withdrawnOn business date of withdrawal
 */
public record ConsentWithdrawn(String personId, ConsentScope scope, LocalDate withdrawnOn) implements PersonEvent {
}

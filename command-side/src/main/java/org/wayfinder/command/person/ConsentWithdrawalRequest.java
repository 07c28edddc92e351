package org.wayfinder.command.person;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.wayfinder.kernel.person.ConsentScope;

/** The body of {@code POST /api/people/{id}/consent-withdrawals}; the date defaults to today. */
record ConsentWithdrawalRequest(@NotNull ConsentScope scope, LocalDate withdrawnOn) {
}

package org.wayfinder.command.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.wayfinder.kernel.directory.RetireActivityCommand;
import org.wayfinder.kernel.directory.RetireProviderCommand;

/** The body of {@code POST /api/providers/{id}/retirement} and {@code POST /api/activities/{id}/retirement}. */
record RetirementRequest(@NotNull LocalDate retiredOn, @NotBlank @Size(max = 500) String reason) {

    RetireProviderCommand toProviderCommand(String providerId, Long expectedVersion) {
        return new RetireProviderCommand(providerId, expectedVersion, retiredOn, reason);
    }

    RetireActivityCommand toActivityCommand(String activityId, Long expectedVersion) {
        return new RetireActivityCommand(activityId, expectedVersion, retiredOn, reason);
    }
}

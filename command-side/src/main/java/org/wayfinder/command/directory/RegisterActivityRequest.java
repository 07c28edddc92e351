package org.wayfinder.command.directory;

import static org.wayfinder.command.directory.DirectoryRequests.UUID_PATTERN;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.wayfinder.kernel.directory.RegisterActivityCommand;

/** The body of {@code POST /api/activities}. */
record RegisterActivityRequest(
        @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String activityId,
        @NotBlank @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String providerId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 4000) String description,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = TAXONOMY_TERM, message = TAXONOMY_MESSAGE) String> taxonomy,
        @NotNull @Valid ActivityLocationRequest location,
        @Size(max = 500) String schedule,
        @NotNull Integer capacityPerSession,
        @NotNull LocalDate registeredOn) {

    static final String TAXONOMY_TERM = "[a-z][a-z0-9-]{1,19}:[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    static final String TAXONOMY_MESSAGE = "must be a taxonomy term as scheme:code, such as openactive:walking";

    RegisterActivityCommand toCommand() {
        return new RegisterActivityCommand(DirectoryRequests.idOrNew(activityId), providerId.toLowerCase(), name,
                description, taxonomy, location.toLocation(), schedule, capacityPerSession, registeredOn);
    }
}

package org.wayfinder.command.directory;

import static org.wayfinder.command.directory.RegisterActivityRequest.TAXONOMY_MESSAGE;
import static org.wayfinder.command.directory.RegisterActivityRequest.TAXONOMY_TERM;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.wayfinder.kernel.directory.ChangeActivityDetailsCommand;

/** The body of {@code PUT /api/activities/{activityId}}: the whole of the new details. */
record ChangeActivityDetailsRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 4000) String description,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = TAXONOMY_TERM, message = TAXONOMY_MESSAGE) String> taxonomy,
        @NotNull @Valid ActivityLocationRequest location,
        @Size(max = 500) String schedule,
        @NotNull Integer capacityPerSession,
        @NotNull LocalDate changedOn) {

    ChangeActivityDetailsCommand toCommand(String activityId, Long expectedVersion) {
        return new ChangeActivityDetailsCommand(activityId, expectedVersion, name, description, taxonomy,
                location.toLocation(), schedule, capacityPerSession, changedOn);
    }
}

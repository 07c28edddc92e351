package org.wayfinder.command.directory;

import static org.wayfinder.command.directory.DirectoryRequests.GSS_MESSAGE;
import static org.wayfinder.command.directory.DirectoryRequests.GSS_PATTERN;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.wayfinder.kernel.directory.ActivityLocation;

/** The venue part of an activity's request body. */
record ActivityLocationRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 300) String addressLine,
        @NotBlank @Pattern(regexp = UK_POSTCODE, message = "must be a UK postcode, such as E9 5PF") String postcode,
        @NotBlank @Pattern(regexp = GSS_PATTERN, message = GSS_MESSAGE) String boroughGssCode) {

    static final String UK_POSTCODE = "[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}";

    ActivityLocation toLocation() {
        return new ActivityLocation(name, addressLine, postcode, boroughGssCode);
    }
}

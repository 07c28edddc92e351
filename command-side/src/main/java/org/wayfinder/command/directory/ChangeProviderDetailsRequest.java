package org.wayfinder.command.directory;

import static org.wayfinder.command.directory.DirectoryRequests.GSS_MESSAGE;
import static org.wayfinder.command.directory.DirectoryRequests.GSS_PATTERN;
import static org.wayfinder.command.directory.RegisterProviderRequest.CHARITY_MESSAGE;
import static org.wayfinder.command.directory.RegisterProviderRequest.CHARITY_NUMBER;
import static org.wayfinder.command.directory.RegisterProviderRequest.ODS_MESSAGE;
import static org.wayfinder.command.directory.RegisterProviderRequest.ODS_PATTERN;
import static org.wayfinder.command.directory.RegisterProviderRequest.WEB_ADDRESS;
import static org.wayfinder.command.directory.RegisterProviderRequest.WEB_MESSAGE;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.wayfinder.kernel.directory.ChangeProviderDetailsCommand;

/** The body of {@code PUT /api/providers/{providerId}}: the whole of the new details. */
record ChangeProviderDetailsRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 4000) String description,
        @Pattern(regexp = CHARITY_NUMBER, message = CHARITY_MESSAGE) String charityNumber,
        @Pattern(regexp = ODS_PATTERN, message = ODS_MESSAGE) String odsCode,
        @Pattern(regexp = WEB_ADDRESS, message = WEB_MESSAGE) @Size(max = 500) String website,
        @Email @Size(max = 254) String email,
        @NotEmpty @Size(max = 33) List<@NotBlank @Pattern(regexp = GSS_PATTERN, message = GSS_MESSAGE) String> boroughsServed,
        @NotNull LocalDate changedOn) {

    ChangeProviderDetailsCommand toCommand(String providerId, Long expectedVersion) {
        return new ChangeProviderDetailsCommand(providerId, expectedVersion, name, description,
                charityNumber, odsCode, website, email, boroughsServed, changedOn);
    }
}

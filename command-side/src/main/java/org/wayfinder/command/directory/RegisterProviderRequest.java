package org.wayfinder.command.directory;

import static org.wayfinder.command.directory.DirectoryRequests.GSS_MESSAGE;
import static org.wayfinder.command.directory.DirectoryRequests.GSS_PATTERN;
import static org.wayfinder.command.directory.DirectoryRequests.UUID_PATTERN;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.wayfinder.kernel.directory.RegisterProviderCommand;

/** The body of {@code POST /api/providers}. */
record RegisterProviderRequest(
        @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String providerId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 4000) String description,
        @Pattern(regexp = CHARITY_NUMBER, message = CHARITY_MESSAGE) String charityNumber,
        @Pattern(regexp = ODS_PATTERN, message = ODS_MESSAGE) String odsCode,
        @Pattern(regexp = WEB_ADDRESS, message = WEB_MESSAGE) @Size(max = 500) String website,
        @Email @Size(max = 254) String email,
        @NotEmpty @Size(max = 33) List<@NotBlank @Pattern(regexp = GSS_PATTERN, message = GSS_MESSAGE) String> boroughsServed,
        @NotNull LocalDate registeredOn) {

    // England and Wales numbers are 6 to 8 digits; Scotland's OSCR numbers start SC.
    static final String CHARITY_NUMBER = "\\d{6,8}|SC\\d{6}";
    static final String CHARITY_MESSAGE = "must be a registered charity number, such as 1123456 or SC012345";
    static final String ODS_PATTERN = "[A-Z0-9]{3,10}";
    static final String ODS_MESSAGE = "must be an ODS code (3 to 10 letters and digits)";
    static final String WEB_ADDRESS = "https?://[^\\s]+";
    static final String WEB_MESSAGE = "must be a web address starting http:// or https://";

    RegisterProviderCommand toCommand() {
        return new RegisterProviderCommand(DirectoryRequests.idOrNew(providerId), name, description,
                charityNumber, odsCode, website, email, boroughsServed, registeredOn);
    }
}

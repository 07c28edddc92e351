package org.wayfinder.command.person;

import static org.wayfinder.command.person.IdentityFields.PHONE_MESSAGE;
import static org.wayfinder.command.person.IdentityFields.PHONE_PATTERN;
import static org.wayfinder.command.person.IdentityFields.POSTCODE_MESSAGE;
import static org.wayfinder.command.person.IdentityFields.POSTCODE_PATTERN;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.wayfinder.kernel.person.NhsNumber;
import org.wayfinder.kernel.person.PersonIdentity;

/** The body of {@code PUT /api/people/{id}/identity}: the whole new identity. Its {@code toString()} hides it. */
record ChangeIdentityRequest(
        LocalDate changedOn,
        @NhsNumberFormat String nhsNumber,
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @PastOrPresent LocalDate dateOfBirth,
        @Pattern(regexp = POSTCODE_PATTERN, message = POSTCODE_MESSAGE) String postcode,
        @Pattern(regexp = PHONE_PATTERN, message = PHONE_MESSAGE) String phone,
        @Email @Size(max = 254) String email) {

    PersonIdentity identity() {
        return new PersonIdentity(nhsNumber == null ? null : NhsNumber.parse(nhsNumber), givenName.strip(),
                familyName.strip(), dateOfBirth, postcode == null ? null : IdentityFields.normalisedPostcode(postcode),
                IdentityFields.blankToNull(phone), IdentityFields.blankToNull(email));
    }

    @Override
    public String toString() {
        return "ChangeIdentityRequest[identity redacted]";
    }
}

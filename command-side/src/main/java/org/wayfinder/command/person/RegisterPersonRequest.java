package org.wayfinder.command.person;

import static org.wayfinder.command.person.IdentityFields.BOROUGH_MESSAGE;
import static org.wayfinder.command.person.IdentityFields.BOROUGH_PATTERN;
import static org.wayfinder.command.person.IdentityFields.IMD_EDITION_MESSAGE;
import static org.wayfinder.command.person.IdentityFields.IMD_EDITION_PATTERN;
import static org.wayfinder.command.person.IdentityFields.PHONE_MESSAGE;
import static org.wayfinder.command.person.IdentityFields.PHONE_PATTERN;
import static org.wayfinder.command.person.IdentityFields.POSTCODE_MESSAGE;
import static org.wayfinder.command.person.IdentityFields.POSTCODE_PATTERN;
import static org.wayfinder.command.person.IdentityFields.UUID_PATTERN;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.wayfinder.kernel.person.EthnicCategory;
import org.wayfinder.kernel.person.NhsNumber;
import org.wayfinder.kernel.person.PersonIdentity;
import org.wayfinder.kernel.person.Sex;

/** The body of {@code POST /api/people}. Its {@code toString()} hides the identity fields. */
record RegisterPersonRequest(
        @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String personId,
        LocalDate registeredOn,
        @NhsNumberFormat String nhsNumber,
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @PastOrPresent LocalDate dateOfBirth,
        @Pattern(regexp = POSTCODE_PATTERN, message = POSTCODE_MESSAGE) String postcode,
        @Pattern(regexp = PHONE_PATTERN, message = PHONE_MESSAGE) String phone,
        @Email @Size(max = 254) String email,
        Sex sex,
        EthnicCategory ethnicCategory,
        @Min(1) @Max(10) Integer imdDecile,
        @Pattern(regexp = IMD_EDITION_PATTERN, message = IMD_EDITION_MESSAGE) String imdEdition,
        @Pattern(regexp = BOROUGH_PATTERN, message = BOROUGH_MESSAGE) String boroughGssCode) {

    PersonIdentity identity() {
        return new PersonIdentity(nhsNumber == null ? null : NhsNumber.parse(nhsNumber), givenName.strip(),
                familyName.strip(), dateOfBirth, postcode == null ? null : IdentityFields.normalisedPostcode(postcode),
                IdentityFields.blankToNull(phone), IdentityFields.blankToNull(email));
    }

    @Override
    public String toString() {
        return "RegisterPersonRequest[identity redacted]";
    }
}

package org.wayfinder.command.person;

import static org.wayfinder.command.person.IdentityFields.BOROUGH_MESSAGE;
import static org.wayfinder.command.person.IdentityFields.BOROUGH_PATTERN;
import static org.wayfinder.command.person.IdentityFields.IMD_EDITION_MESSAGE;
import static org.wayfinder.command.person.IdentityFields.IMD_EDITION_PATTERN;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.wayfinder.kernel.person.EthnicCategory;
import org.wayfinder.kernel.person.Sex;

/** The body of {@code PUT /api/people/{id}/demographics}: all demographics, replacing the previous ones. */
record DemographicsRequest(
        LocalDate recordedOn,
        Sex sex,
        EthnicCategory ethnicCategory,
        @Min(1) @Max(10) Integer imdDecile,
        @Pattern(regexp = IMD_EDITION_PATTERN, message = IMD_EDITION_MESSAGE) String imdEdition,
        @Pattern(regexp = BOROUGH_PATTERN, message = BOROUGH_MESSAGE) String boroughGssCode) {
}

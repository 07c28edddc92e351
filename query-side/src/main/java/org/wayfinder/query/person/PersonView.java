package org.wayfinder.query.person;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A person as {@code GET /api/people/{id}} shows them: identity decrypted on read, demographics as
 * recorded. Identity fields are null (and present) once the person is erased.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PersonView(
        String personId,
        String nhsNumber,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        String postcode,
        String phone,
        String email,
        LocalDate registeredOn,
        String ageBand,
        String sex,
        String ethnicCategory,
        String ethnicGroup,
        Integer imdDecile,
        String imdEdition,
        String boroughGssCode,
        List<String> consents,
        String mergedInto,
        boolean erased) {

    @Override
    public String toString() {
        return "PersonView[" + personId + ", identity redacted]";
    }
}

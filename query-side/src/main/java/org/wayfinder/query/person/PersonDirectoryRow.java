package org.wayfinder.query.person;

import java.time.LocalDate;
import java.util.List;
import org.wayfinder.kernel.person.EncryptedIdentity;

/** A row of {@code person_directory}; {@code identity} is null once the person is erased. */
record PersonDirectoryRow(
        String personId,
        String organisation,
        EncryptedIdentity identity,
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
}

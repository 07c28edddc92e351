package org.wayfinder.kernel.person;

import java.time.LocalDate;

/**
 * A person was registered, with their identity encrypted under their own key.
 *
 * @param personId       the person's id
 * @param registeredOn   business date of registration
 * @param identity       the encrypted identity
 * @param ageBand        age band on {@code registeredOn}, derived from the date of birth before encryption
 * @param sex            stated sex, when known
 * @param ethnicCategory NHS ethnic category, when known
 * @param imdDecile      IMD decile of the home LSOA (1 most deprived), when known
 * @param imdEdition     the IMD edition of the decile ({@code IMD2019} or {@code IoD2025}), with the decile
 * @param boroughGssCode ONS GSS code of the London borough of residence, when known
 */
public record PersonRegistered(
        String personId,
        LocalDate registeredOn,
        EncryptedIdentity identity,
        AgeBand ageBand,
        Sex sex,
        EthnicCategory ethnicCategory,
        Integer imdDecile,
        String imdEdition,
        String boroughGssCode) implements PersonEvent {
}

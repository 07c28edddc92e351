package org.wayfinder.kernel.person;

import java.time.LocalDate;

/**
 * A person's non-identifying demographics were recorded again; they replace the previous ones as a whole.
 *
 * @param personId       the person's id
 * @param recordedOn     business date they were recorded
 * @param sex            stated sex, when known
 * @param ethnicCategory NHS ethnic category, when known
 * @param imdDecile      IMD decile (1 most deprived), when known
 * @param imdEdition     the IMD edition of the decile, with the decile
 * @param boroughGssCode ONS GSS code of the London borough of residence, when known
 */
public record PersonDemographicsRecorded(
        String personId,
        LocalDate recordedOn,
        Sex sex,
        EthnicCategory ethnicCategory,
        Integer imdDecile,
        String imdEdition,
        String boroughGssCode) implements PersonEvent {
}

package org.wayfinder.kernel.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * A provider's details were replaced; every field holds the new value, absent ones were cleared.
 *
 * @param providerId     the provider's id
 * @param name           the organisation's name
 * @param description    what the organisation does, in plain words
 * @param charityNumber  Charity Commission (or OSCR) registration number, when registered
 * @param odsCode        NHS ODS code, when the organisation has one
 * @param website        the organisation's web address, when it has one
 * @param email          the organisation's contact address (never a person's), when given
 * @param boroughsServed ONS GSS codes of the London boroughs the organisation serves
 * @param changedOn      business date from which the new details hold
 */
public record ProviderDetailsChanged(
        String providerId,
        String name,
        String description,
        String charityNumber,
        String odsCode,
        String website,
        String email,
        List<String> boroughsServed,
        LocalDate changedOn) implements ProviderEvent {

    public ProviderDetailsChanged {
        boroughsServed = boroughsServed == null ? List.of() : List.copyOf(boroughsServed);
    }
}

package org.wayfinder.kernel.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * A VCSE organisation was added to the directory as a provider of activities.
 *
 * @param providerId     the provider's id
 * @param name           the organisation's name
 * @param description    what the organisation does, in plain words
 * @param charityNumber  Charity Commission (or OSCR) registration number, when registered
 * @param odsCode        NHS ODS code, when the organisation has one
 * @param website        the organisation's web address, when it has one
 * @param email          the organisation's contact address (never a person's), when given
 * @param boroughsServed ONS GSS codes of the London boroughs the organisation serves
 * @param registeredOn   business date the provider joined the directory
 */
public record ProviderRegistered(
        String providerId,
        String name,
        String description,
        String charityNumber,
        String odsCode,
        String website,
        String email,
        List<String> boroughsServed,
        LocalDate registeredOn) implements ProviderEvent {

    public ProviderRegistered {
        boroughsServed = boroughsServed == null ? List.of() : List.copyOf(boroughsServed);
    }
}

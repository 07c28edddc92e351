package org.wayfinder.kernel.directory;

/**
 * Where an activity takes place: an ORUK location, flattened because an activity has one venue.
 *
 * @param name           the venue's name, such as "Hackney Marshes Centre"
 * @param addressLine    street address of the venue
 * @param postcode       the venue's postcode (a place, not a person's home)
 * @param boroughGssCode ONS GSS code of the London borough the venue is in
 */
public record ActivityLocation(String name, String addressLine, String postcode, String boroughGssCode) {
}

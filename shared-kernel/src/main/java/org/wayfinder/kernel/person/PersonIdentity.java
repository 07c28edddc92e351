package org.wayfinder.kernel.person;

import java.time.LocalDate;

/**
 * Who a person is, in plain text. It never appears in an event, a log or an exception message: events
 * carry it only as an {@link EncryptedIdentity}, and {@link #toString()} hides every field.
 *
 * @param nhsNumber   the NHS number, or null: some routes (A&amp;E, self-referral) arrive without one
 * @param givenName   given name
 * @param familyName  family name
 * @param dateOfBirth date of birth
 * @param postcode    home postcode, upper case with one space before the inward code
 * @param phone       phone number, when given
 * @param email       email address, when given
 */
public record PersonIdentity(
        NhsNumber nhsNumber,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        String postcode,
        String phone,
        String email) {

    @Override
    public String toString() {
        return "PersonIdentity[redacted]";
    }
}

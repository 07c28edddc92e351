package org.wayfinder.query.person;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.wayfinder.kernel.access.AccessDenied;
import org.wayfinder.kernel.access.Actor;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.query.audit.AccessLog;
import org.wayfinder.query.audit.AccessPurpose;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.kernel.person.IdentityCipher;
import org.wayfinder.kernel.person.PersonIdentity;
import org.wayfinder.kernel.person.PersonKeys;

/** Reads a person, decrypting their identity with their key; an erased person has no key and no identity. */
@RestController
@RequestMapping("/api/people")
class PersonQueryController {

    private static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final PersonDirectoryRepository people;
    private final PersonKeys keys;

    private final AccessLog accessLog;

    PersonQueryController(PersonDirectoryRepository people, PersonKeys keys, AccessLog accessLog) {
        this.people = people;
        this.keys = keys;
        this.accessLog = accessLog;
    }

    @GetMapping("/{personId}")
    PersonView person(@PathVariable String personId,
                      @RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purposeHeader) {
        if (!personId.matches(UUID_PATTERN)) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid person id", "'personId' must be a UUID.");
        }
        AccessPurpose purpose = accessLog.purpose(purposeHeader);
        String id = personId.toLowerCase();
        PersonDirectoryRow row = people.findById(id).orElse(null);
        if (row == null) {
            accessLog.record(purpose, "person", id, "read", "not-found");
            throw problem(HttpStatus.NOT_FOUND, "Person not found", "No person with id " + id + " is known.");
        }
        Actor actor = Actor.current().orElse(null);
        boolean allowed = actor != null && (actor.is(Role.AUDITOR) || (actor.is(Role.LINK_WORKER)
                && (row.organisation() == null || row.organisation().equals(actor.organisation()))));
        if (!allowed) {
            accessLog.record(purpose, "person", id, "read", "refused");
            throw new AccessDenied("This person is recorded by another organisation.");
        }
        accessLog.record(purpose, "person", id, "read", "disclosed");
        if (row.erased() || row.identity() == null) {
            return view(row, null, true);
        }
        // The key is destroyed in the erasure's own transaction, before this read model hears of it.
        return keys.key(id)
                .map(key -> view(row, IdentityCipher.decrypt(row.identity(), id, key), false))
                .orElseGet(() -> view(row, null, true));
    }

    private static PersonView view(PersonDirectoryRow row, PersonIdentity identity, boolean erased) {
        boolean known = identity != null;
        return new PersonView(
                row.personId(),
                known && identity.nhsNumber() != null ? identity.nhsNumber().value() : null,
                known ? identity.givenName() : null,
                known ? identity.familyName() : null,
                known ? identity.dateOfBirth() : null,
                known ? identity.postcode() : null,
                known ? identity.phone() : null,
                known ? identity.email() : null,
                row.registeredOn(),
                row.ageBand(),
                row.sex(),
                row.ethnicCategory(),
                row.ethnicGroup(),
                row.imdDecile(),
                row.imdEdition(),
                row.boroughGssCode(),
                row.consents(),
                row.mergedInto(),
                erased);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}

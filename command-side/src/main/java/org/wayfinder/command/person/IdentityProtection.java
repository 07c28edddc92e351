package org.wayfinder.command.person;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;
import org.wayfinder.kernel.person.AgeBand;
import org.wayfinder.kernel.person.EncryptedIdentity;
import org.wayfinder.kernel.person.IdentityCipher;
import org.wayfinder.kernel.person.PersonIdentity;
import org.wayfinder.kernel.person.PersonKeys;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/**
 * Encrypts a plain identity at the edge, before any command exists, so that only ciphertext and the
 * derived age band travel through Axon. One key per person: the key id is the person's id.
 */
@Service
public class IdentityProtection {

    private final PersonKeys keys;

    IdentityProtection(PersonKeys keys) {
        this.keys = keys;
    }

    ProtectedIdentity protect(String personId, PersonIdentity identity, LocalDate on) {
        if (identity.dateOfBirth().isAfter(on)) {
            throw new BusinessRuleViolation("born-after-date",
                    "The date of birth is after the date of the registration or change.");
        }
        byte[] key = keys.createKey(personId);
        EncryptedIdentity encrypted = IdentityCipher.encrypt(identity, personId, personId, key);
        return new ProtectedIdentity(encrypted, AgeBand.at(identity.dateOfBirth(), on));
    }

    /**
     * For the history import, which may hold only part of an identity (an erased person keeps none):
     * the same per-person key and cipher, without the checks that need a date of birth.
     */
    public EncryptedIdentity seal(String personId, PersonIdentity identity) {
        return IdentityCipher.encrypt(identity, personId, personId, keys.createKey(personId));
    }

    /**
     * {@link #seal} for a chunk of imported people: their keys created or read in one go, then each
     * identity sealed under its own. Sealing for an erased person (or one not named here) is refused.
     */
    public BiFunction<String, PersonIdentity, EncryptedIdentity> sealingFor(Collection<String> personIds) {
        Map<String, byte[]> chunkKeys = keys.createKeys(personIds);
        return (personId, identity) -> {
            byte[] key = chunkKeys.get(personId);
            if (key == null) {
                key = keys.createKey(personId);
            }
            return IdentityCipher.encrypt(identity, personId, personId, key);
        };
    }

    record ProtectedIdentity(EncryptedIdentity identity, AgeBand ageBand) {
    }
}

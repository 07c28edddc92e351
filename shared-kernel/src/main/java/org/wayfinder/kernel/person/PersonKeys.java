package org.wayfinder.kernel.person;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/**
 * Where each person's identity key lives, apart from the events. Destroying a key is how a person is
 * erased: their encrypted identity stays in the append-only event store but can never be read again.
 * Implementations never log key material.
 */
public interface PersonKeys {

    /**
     * The person's 256-bit key, created on first use; the same key on later calls. Throws
     * {@link org.wayfinder.kernel.rules.BusinessRuleViolation} ({@code person-erased}) once it was destroyed.
     */
    byte[] createKey(String personId);

    /**
     * {@link #createKey} for many people at once: each person's key, created where missing. An erased
     * person has no entry, so each caller can refuse just that person.
     */
    default Map<String, byte[]> createKeys(Collection<String> personIds) {
        Map<String, byte[]> keys = new HashMap<>();
        for (String personId : personIds) {
            try {
                keys.put(personId, createKey(personId));
            } catch (BusinessRuleViolation erased) {
                // left out: the caller refuses this person alone
            }
        }
        return keys;
    }

    /** The person's key, or empty when none was created or it was destroyed. */
    Optional<byte[]> key(String personId);

    /** Overwrites the person's key for good. Destroying a missing or destroyed key does nothing. */
    void destroy(String personId);
}

package org.wayfinder.command.person;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.wayfinder.kernel.person.PersonKeys;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/** Keys for tests without a database; {@link #failOnDestroy()} simulates a key store that is down. */
final class InMemoryPersonKeys implements PersonKeys {

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Set<String> destroyed = new HashSet<>();
    private volatile boolean failOnDestroy;

    @Override
    public byte[] createKey(String personId) {
        if (destroyed.contains(personId)) {
            throw new BusinessRuleViolation("person-erased", "This person was erased.");
        }
        return keys.computeIfAbsent(personId, id -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return key;
        });
    }

    @Override
    public Optional<byte[]> key(String personId) {
        return Optional.ofNullable(keys.get(personId));
    }

    @Override
    public void destroy(String personId) {
        if (failOnDestroy) {
            throw new IllegalStateException("key store unavailable");
        }
        keys.remove(personId);
        destroyed.add(personId);
    }

    void failOnDestroy() {
        failOnDestroy = true;
    }
}

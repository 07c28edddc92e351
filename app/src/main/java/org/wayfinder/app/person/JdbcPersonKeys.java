package org.wayfinder.app.person;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wayfinder.kernel.person.PersonKeys;
import org.wayfinder.kernel.rules.BusinessRuleViolation;

/**
 * Person keys in the {@code person_key} table. Destroying a key overwrites it with NULL and keeps the
 * row, so that an erased person's key can never be created again under the same id. Nothing here logs.
 */
@Component
class JdbcPersonKeys implements PersonKeys {

    private static final int KEY_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    JdbcPersonKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public byte[] createKey(String personId) {
        byte[] candidate = new byte[KEY_BYTES];
        random.nextBytes(candidate);
        // Concurrent first uses race on the primary key; both then read the one key that won.
        jdbc.update("INSERT INTO person_key (person_id, key_bytes, created_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (person_id) DO NOTHING", personId, candidate, Timestamp.from(clock.instant()));
        List<byte[]> stored = jdbc.query("SELECT key_bytes FROM person_key WHERE person_id = ?",
                (rs, row) -> rs.getBytes("key_bytes"), personId);
        if (stored.isEmpty() || stored.get(0) == null) {
            throw new BusinessRuleViolation("person-erased",
                    "This person was erased; no identity can be recorded for them again.");
        }
        return stored.get(0);
    }

    /** Two statements for any number of people: the missing keys inserted, then all of them read. */
    @Override
    public Map<String, byte[]> createKeys(Collection<String> personIds) {
        Map<String, byte[]> keys = new HashMap<>();
        if (personIds.isEmpty()) {
            return keys;
        }
        String[] ids = personIds.stream().distinct().toArray(String[]::new);
        byte[][] candidates = new byte[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            candidates[i] = new byte[KEY_BYTES];
            random.nextBytes(candidates[i]);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO person_key (person_id, key_bytes, created_at) "
                    + "SELECT id, key_bytes, ? FROM unnest(?::varchar[], ?::bytea[]) AS candidate (id, key_bytes) "
                    + "ON CONFLICT (person_id) DO NOTHING");
            insert.setTimestamp(1, now);
            insert.setArray(2, connection.createArrayOf("varchar", ids));
            insert.setArray(3, connection.createArrayOf("bytea", candidates));
            return insert;
        });
        jdbc.query(connection -> {
            var select = connection.prepareStatement(
                    "SELECT person_id, key_bytes FROM person_key WHERE person_id = ANY (?) AND key_bytes IS NOT NULL");
            select.setArray(1, connection.createArrayOf("varchar", ids));
            return select;
        }, (rs) -> {
            keys.put(rs.getString(1), rs.getBytes(2));
        });
        return keys;
    }

    @Override
    public Optional<byte[]> key(String personId) {
        return jdbc.query("SELECT key_bytes FROM person_key WHERE person_id = ? AND key_bytes IS NOT NULL",
                (rs, row) -> rs.getBytes("key_bytes"), personId).stream().findFirst();
    }

    /** Leaves a tombstone even when no key was ever created, so none can be created afterwards. */
    @Override
    public void destroy(String personId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO person_key (person_id, key_bytes, created_at, destroyed_at) VALUES (?, NULL, ?, ?)
                ON CONFLICT (person_id) DO UPDATE
                SET key_bytes = NULL, destroyed_at = COALESCE(person_key.destroyed_at, EXCLUDED.destroyed_at)
                """, personId, now, now);
    }
}

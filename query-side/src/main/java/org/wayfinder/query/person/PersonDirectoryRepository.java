package org.wayfinder.query.person;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.wayfinder.kernel.person.EncryptedIdentity;
import org.wayfinder.kernel.person.IdentityCipher;

@Repository
class PersonDirectoryRepository {

    private final JdbcTemplate jdbc;

    PersonDirectoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PersonDirectoryRow> findById(String personId) {
        return jdbc.query("""
                        SELECT person_id, key_id, nonce, ciphertext, registered_on, age_band, sex, ethnic_category,
                               ethnic_group, imd_decile, imd_edition, borough_gss_code, consents, merged_into, erased,
                               organisation
                        FROM person_directory WHERE person_id = ?
                        """, PersonDirectoryRepository::map, personId)
                .stream().findFirst();
    }

    private static PersonDirectoryRow map(ResultSet rs, int row) throws SQLException {
        String ciphertext = rs.getString("ciphertext");
        EncryptedIdentity identity = ciphertext == null ? null
                : new EncryptedIdentity(rs.getString("key_id"), IdentityCipher.ALGORITHM, rs.getString("nonce"), ciphertext);
        return new PersonDirectoryRow(
                rs.getString("person_id"),
                rs.getString("organisation"),
                identity,
                rs.getObject("registered_on", java.time.LocalDate.class),
                rs.getString("age_band"),
                rs.getString("sex"),
                rs.getString("ethnic_category"),
                rs.getString("ethnic_group"),
                (Integer) rs.getObject("imd_decile", Integer.class),
                rs.getString("imd_edition"),
                rs.getString("borough_gss_code"),
                strings(rs.getArray("consents")),
                rs.getString("merged_into"),
                rs.getBoolean("erased"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((String[]) array.getArray()).sorted().toList();
    }
}

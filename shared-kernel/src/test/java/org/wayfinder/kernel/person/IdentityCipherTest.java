package org.wayfinder.kernel.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IdentityCipherTest {

    static final String PERSON_ID = "5a1e2d3c-4b5a-4697-8877-665544332211";
    static final String OTHER_PERSON_ID = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    static final PersonIdentity IDENTITY = new PersonIdentity(NhsNumber.parse("943 476 5919"), "Ada", "Okonkwo",
            LocalDate.of(1956, 2, 29), "SE5 8AF", "020 7946 0018", "ada@example.org");

    private final byte[] key = newKey();

    @Test
    void an_identity_decrypts_to_what_was_encrypted() {
        EncryptedIdentity encrypted = IdentityCipher.encrypt(IDENTITY, PERSON_ID, PERSON_ID, key);

        assertThat(encrypted.algorithm()).isEqualTo("AES-256-GCM");
        assertThat(encrypted.keyId()).isEqualTo(PERSON_ID);
        assertThat(Base64.getDecoder().decode(encrypted.nonce())).hasSize(12);
        assertThat(IdentityCipher.decrypt(encrypted, PERSON_ID, key)).isEqualTo(IDENTITY);
    }

    @Test
    void an_identity_without_nhs_number_or_contact_details_round_trips() {
        PersonIdentity sparse = new PersonIdentity(null, "Sam", "Lee", LocalDate.of(2001, 7, 4), "E1 6AN", null, null);
        assertThat(IdentityCipher.decrypt(IdentityCipher.encrypt(sparse, PERSON_ID, PERSON_ID, key), PERSON_ID, key))
                .isEqualTo(sparse);
    }

    @Test
    void the_ciphertext_contains_nothing_readable() {
        EncryptedIdentity encrypted = IdentityCipher.encrypt(IDENTITY, PERSON_ID, PERSON_ID, key);
        String everything = encrypted.toString() + new String(Base64.getDecoder().decode(encrypted.ciphertext()));
        assertThat(everything).doesNotContain("9434765919", "Okonkwo", "SE5 8AF", "1956-02-29", "ada@example.org");
    }

    @Test
    void each_encryption_uses_a_fresh_nonce() {
        EncryptedIdentity first = IdentityCipher.encrypt(IDENTITY, PERSON_ID, PERSON_ID, key);
        EncryptedIdentity second = IdentityCipher.encrypt(IDENTITY, PERSON_ID, PERSON_ID, key);
        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void a_changed_ciphertext_does_not_decrypt() {
        EncryptedIdentity encrypted = IdentityCipher.encrypt(IDENTITY, PERSON_ID, PERSON_ID, key);
        byte[] bytes = Base64.getDecoder().decode(encrypted.ciphertext());
        bytes[3] ^= 0x01;
        EncryptedIdentity tampered = new EncryptedIdentity(encrypted.keyId(), encrypted.algorithm(), encrypted.nonce(),
                Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> IdentityCipher.decrypt(tampered, PERSON_ID, key))
                .isInstanceOf(IdentityCipher.IdentityCipherException.class);
    }

    @Test
    void a_ciphertext_moved_to_another_person_does_not_decrypt() {
        EncryptedIdentity encrypted = IdentityCipher.encrypt(IDENTITY, PERSON_ID, PERSON_ID, key);
        assertThatThrownBy(() -> IdentityCipher.decrypt(encrypted, OTHER_PERSON_ID, key))
                .isInstanceOf(IdentityCipher.IdentityCipherException.class);
    }

    @Test
    void another_key_does_not_decrypt() {
        EncryptedIdentity encrypted = IdentityCipher.encrypt(IDENTITY, PERSON_ID, PERSON_ID, key);
        assertThatThrownBy(() -> IdentityCipher.decrypt(encrypted, PERSON_ID, newKey()))
                .isInstanceOf(IdentityCipher.IdentityCipherException.class);
    }

    @Test
    void a_key_that_is_not_256_bits_is_refused() {
        assertThatThrownBy(() -> IdentityCipher.encrypt(IDENTITY, PERSON_ID, PERSON_ID, new byte[16]))
                .isInstanceOf(IdentityCipher.IdentityCipherException.class);
    }

    @Test
    void a_plain_identity_never_prints_its_fields() {
        assertThat(IDENTITY.toString()).isEqualTo("PersonIdentity[redacted]");
    }

    private static byte[] newKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}

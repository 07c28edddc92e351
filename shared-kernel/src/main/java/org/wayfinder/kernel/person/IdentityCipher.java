package org.wayfinder.kernel.person;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.wayfinder.kernel.serialization.EventFormat;

/**
 * Encrypts a person's identity with AES-256-GCM under that person's own key. The person's id is the
 * additional authenticated data, so a ciphertext copied into another person's stream does not decrypt.
 * Failure messages never contain the identity or the key.
 */
public final class IdentityCipher {

    public static final String ALGORITHM = "AES-256-GCM";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = EventFormat.objectMapper();

    private IdentityCipher() {
    }

    public static EncryptedIdentity encrypt(PersonIdentity identity, String personId, String keyId, byte[] key) {
        requireKey(key);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] plaintext = JSON.writeValueAsBytes(identity);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, personId);
            byte[] ciphertext = cipher.doFinal(plaintext);
            Base64.Encoder base64 = Base64.getEncoder();
            return new EncryptedIdentity(keyId, ALGORITHM, base64.encodeToString(nonce), base64.encodeToString(ciphertext));
        } catch (GeneralSecurityException | IOException e) {
            throw new IdentityCipherException("The identity could not be encrypted.", e);
        }
    }

    public static PersonIdentity decrypt(EncryptedIdentity encrypted, String personId, byte[] key) {
        requireKey(key);
        if (!ALGORITHM.equals(encrypted.algorithm())) {
            throw new IdentityCipherException("Unsupported identity algorithm.", null);
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, base64.decode(encrypted.nonce()), personId);
            byte[] plaintext = cipher.doFinal(base64.decode(encrypted.ciphertext()));
            return JSON.readValue(plaintext, PersonIdentity.class);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            // Deliberately without the cause's message: Jackson's could quote the decrypted text.
            throw new IdentityCipherException("The identity could not be decrypted with this key for this person.",
                    e instanceof GeneralSecurityException ? e : null);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String personId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static void requireKey(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IdentityCipherException("An identity key must be 256 bits.", null);
        }
    }

    /** Encryption or decryption failed; the message never contains personal data or key material. */
    public static final class IdentityCipherException extends RuntimeException {
        IdentityCipherException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

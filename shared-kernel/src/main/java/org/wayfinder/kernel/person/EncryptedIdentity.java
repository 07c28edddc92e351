package org.wayfinder.kernel.person;

/**
 * A person's identity as it is stored: encrypted with that person's own key. Once the key is destroyed
 * the ciphertext can never be read again, wherever copies of it live.
 *
 * @param keyId      which key encrypted it (today the person's id: one key per person)
 * @param algorithm  the cipher, {@value IdentityCipher#ALGORITHM}
 * @param nonce      the GCM nonce, base64
 * @param ciphertext the encrypted identity JSON followed by the GCM tag, base64
 */
public record EncryptedIdentity(String keyId, String algorithm, String nonce, String ciphertext) {
}

package org.wayfinder.query.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keyed-hash pseudonyms: HMAC-SHA256 under a key derived from the master secret and the export key id. The same
 * key id gives the same pseudonym for the same person in every export; another key id gives unrelated ones. Neither
 * the master secret nor a derived key is ever stored, logged or returned.
 */
@Component
class Pseudonyms {

    static final String ALGORITHM = "HmacSHA256";

    /** Hex characters kept of each pseudonym: 128 bits, far beyond any chance of two people colliding. */
    static final int LENGTH = 32;

    private final byte[] masterSecret;

    Pseudonyms(ExportProperties properties) {
        this.masterSecret = masterSecret(properties);
    }

    /** A pseudonymiser for one export key; not thread-safe, one per export run. */
    Keyed forKey(String exportKeyId) {
        return new Keyed(hmac(masterSecret, "wayfinder-export-key:" + exportKeyId));
    }

    static final class Keyed {

        private final Mac mac;

        private Keyed(byte[] key) {
            try {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(key, ALGORITHM));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        }

        String person(String personId) {
            return of("person:" + personId);
        }

        String referral(String referralId) {
            return of("referral:" + referralId);
        }

        private String of(String value) {
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        }
    }

    private static byte[] hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] masterSecret(ExportProperties properties) {
        String configured = properties.masterSecret();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("wayfinder.exports.master-secret must have at least 32 characters.");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(properties.spoolDirectory()).resolve("master-secret");
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Path written = Files.createTempFile(file.getParent(), "master-secret", ".tmp");
                try {
                    Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the directory's own permissions protect it
                }
                Files.writeString(written, HexFormat.of().formatHex(secret), StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    // Atomic and refusing to replace: two instances starting together keep the first secret.
                    Files.createLink(file, written);
                } catch (FileAlreadyExistsException alreadyThere) {
                    // another instance created it first: use theirs
                } finally {
                    Files.delete(written);
                }
            }
            return HexFormat.of().parseHex(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create or read the export master secret in the spool directory", e);
        }
    }
}

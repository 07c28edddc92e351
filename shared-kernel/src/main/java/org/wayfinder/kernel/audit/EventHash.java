package org.wayfinder.kernel.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The per-stream hash chain over stored events, as docs/audit.md defines it. Writer and verifier both
 * use this class, so the definition cannot drift between them; anyone else can re-implement it from
 * the document with nothing but SHA-256 and a JSON parser.
 */
public final class EventHash {

    /** Metadata key under which each stored event carries its own hash. */
    public static final String METADATA_KEY = "hash";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private EventHash() {
    }

    /** The fields of one stored row that the hash covers, exactly as they are stored. */
    public record StoredEvent(String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                              String payloadType, String payloadRevision, String timestamp, byte[] payload,
                              byte[] metaData) {
    }

    /** Hex SHA-256 of the event's canonical form chained to {@code previousHash} ("" at a stream's start). */
    public static String of(StoredEvent event, String previousHash) {
        return hash(event, canonicalMetaData(event.metaData()), previousHash);
    }

    /**
     * As {@link #of(StoredEvent, String)}, given the canonical form of the event's metadata (see
     * {@link #canonicalMetaData(Map)}) instead of reading it from {@code event.metaData()}, which is ignored.
     */
    public static String ofCanonical(StoredEvent event, byte[] canonicalMetaData, String previousHash) {
        return hash(event, canonicalMetaData, previousHash);
    }

    /** What a stored row says its hash is, and what it should be: one parse of the metadata for both. */
    public record Link(String expected, String found) {

        public boolean intact() {
            return expected.equals(found);
        }
    }

    public static Link link(StoredEvent event, String previousHash) {
        Map<String, Object> metaData = metaDataMap(event.metaData());
        Object found = metaData.remove(METADATA_KEY);
        byte[] canonical = event.metaData() == null || event.metaData().length == 0 ? new byte[0] : write(metaData);
        return new Link(hash(event, canonical, previousHash), found == null ? null : found.toString());
    }

    /**
     * Each field as a 4-byte big-endian length followed by its bytes, so no choice of content can make
     * two different events share a canonical form. Text is UTF-8; a missing revision is empty.
     */
    public static byte[] canonicalForm(StoredEvent event, String previousHash) {
        return canonicalForm(event, canonicalMetaData(event.metaData()), previousHash);
    }

    private static String hash(StoredEvent event, byte[] canonicalMetaData, String previousHash) {
        // The canonical form, fed to the digest field by field rather than copied into one array first.
        MessageDigest digest = sha256();
        ByteBuffer length = ByteBuffer.allocate(4);
        digested(digest, length, text(event.aggregateIdentifier()));
        digested(digest, length, text(Long.toString(event.sequenceNumber())));
        digested(digest, length, text(event.eventIdentifier()));
        digested(digest, length, text(event.payloadType()));
        digested(digest, length, text(event.payloadRevision()));
        digested(digest, length, text(event.timestamp()));
        digested(digest, length, event.payload());
        digested(digest, length, canonicalMetaData);
        digested(digest, length, text(previousHash));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void digested(MessageDigest digest, ByteBuffer length, byte[] bytes) {
        digest.update(length.putInt(0, bytes.length).array(), 0, 4);
        digest.update(bytes);
    }

    private static byte[] canonicalForm(StoredEvent event, byte[] canonicalMetaData, String previousHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(event.payload().length + canonicalMetaData.length + 256);
        field(out, text(event.aggregateIdentifier()));
        field(out, text(Long.toString(event.sequenceNumber())));
        field(out, text(event.eventIdentifier()));
        field(out, text(event.payloadType()));
        field(out, text(event.payloadRevision()));
        field(out, text(event.timestamp()));
        field(out, event.payload());
        field(out, canonicalMetaData);
        field(out, text(previousHash));
        return out.toByteArray();
    }

    /**
     * The stored metadata without its hash, re-written as compact JSON with keys sorted at every level:
     * the map's own order on the way in is not something Axon promises to keep.
     */
    public static byte[] canonicalMetaData(byte[] storedMetaData) {
        if (storedMetaData == null || storedMetaData.length == 0) {
            return new byte[0];
        }
        Map<String, Object> metaData = metaDataMap(storedMetaData);
        metaData.remove(METADATA_KEY);
        return write(metaData);
    }

    /**
     * The canonical form of metadata held as a map of strings, written straight from the map: the same bytes
     * {@link #canonicalMetaData(byte[])} gives for that map stored as JSON, without writing and parsing it
     * first. Only for maps whose values are all non-null strings (other values may be stored differently);
     * the map must not hold a {@link #METADATA_KEY}.
     */
    public static byte[] canonicalMetaData(Map<String, ?> stringValues) {
        for (Object value : stringValues.values()) {
            if (!(value instanceof String)) {
                throw new IllegalArgumentException("Only metadata of string values is written straight from the map");
            }
        }
        if (stringValues.containsKey(METADATA_KEY)) {
            throw new IllegalArgumentException("The metadata still holds its hash");
        }
        return write(stringValues);
    }

    private static byte[] write(Object value) {
        try {
            return CANONICAL.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Metadata cannot be written as JSON", e);
        }
    }

    /** The hash an event carries in its stored metadata, or null when it has none. */
    public static String storedHash(byte[] storedMetaData) {
        if (storedMetaData == null || storedMetaData.length == 0) {
            return null;
        }
        try {
            JsonNode hash = CANONICAL.readTree(storedMetaData).get(METADATA_KEY);
            return hash == null || hash.isNull() ? null : hash.asText();
        } catch (IOException e) {
            return null;
        }
    }

    /** Stored metadata as a (mutable) map, for reading it back. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> metaDataMap(byte[] storedMetaData) {
        if (storedMetaData == null || storedMetaData.length == 0) {
            return new java.util.LinkedHashMap<>();
        }
        try {
            return CANONICAL.readValue(storedMetaData, java.util.LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored metadata is not JSON", e);
        }
    }

    /** A fresh SHA-256 digest; the algorithm is part of every JRE. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] text(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        out.write(ByteBuffer.allocate(4).putInt(bytes.length).array(), 0, 4);
        out.write(bytes, 0, bytes.length);
    }
}

-- One AES-256 key per person, kept apart from the events it protects. Erasure overwrites the key
-- (key_bytes NULL, destroyed_at set); the row stays so the key can never be silently re-created.
CREATE TABLE person_key (
    person_id    VARCHAR(36) PRIMARY KEY,
    key_bytes    BYTEA,
    created_at   TIMESTAMPTZ NOT NULL,
    destroyed_at TIMESTAMPTZ,
    CONSTRAINT person_key_live_or_destroyed CHECK ((key_bytes IS NULL) = (destroyed_at IS NOT NULL)),
    CONSTRAINT person_key_256_bits CHECK (key_bytes IS NULL OR octet_length(key_bytes) = 32)
);

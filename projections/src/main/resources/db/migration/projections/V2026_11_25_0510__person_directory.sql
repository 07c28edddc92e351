-- Read model of the person-directory projection: one row per person. Identity is held only as the
-- ciphertext from the events, never in plain text, and is cleared when the person is erased.
CREATE TABLE person_directory (
    person_id         VARCHAR(36)  PRIMARY KEY,
    key_id            VARCHAR(64),
    nonce             TEXT,
    ciphertext        TEXT,
    registered_on     DATE         NOT NULL,
    age_band          VARCHAR(20),
    sex               VARCHAR(20),
    ethnic_category   VARCHAR(40),
    ethnic_group      VARCHAR(20),
    imd_decile        SMALLINT,
    imd_edition       VARCHAR(10),
    borough_gss_code  CHAR(9),
    merged_into       VARCHAR(36),
    erased            BOOLEAN      NOT NULL DEFAULT FALSE,
    consents          TEXT[]       NOT NULL DEFAULT '{}',
    recorded_at       TIMESTAMPTZ  NOT NULL,
    organisation      VARCHAR(64)
);

CREATE INDEX person_directory_merged_into_idx ON person_directory (merged_into) WHERE merged_into IS NOT NULL;

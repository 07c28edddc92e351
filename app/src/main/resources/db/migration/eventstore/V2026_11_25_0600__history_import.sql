-- History imports (docs/import-format.md, "Importing history"). One row per upload, its progress
-- kept current while it runs, so GET /api/imports/{id} reads it without touching the event store.
CREATE TABLE history_import (
    import_id       VARCHAR(36)  PRIMARY KEY,
    started_by      VARCHAR(255) NOT NULL,
    actor_role      VARCHAR(32)  NOT NULL,
    organisation    VARCHAR(64)  NOT NULL,
    state           VARCHAR(16)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    files           VARCHAR(255) NOT NULL,
    spool_directory VARCHAR(1024) NOT NULL,
    rows_total      BIGINT,
    rows_done       BIGINT       NOT NULL DEFAULT 0,
    rows_rejected   BIGINT       NOT NULL DEFAULT 0,
    rows_skipped    BIGINT       NOT NULL DEFAULT 0,
    events_appended BIGINT       NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    failure         VARCHAR(1000)
);

-- One row per applied source key, written in the same transaction as the events it caused: a key
-- present here was applied exactly once, whichever import or attempt applied it.
CREATE TABLE history_import_row (
    source_key VARCHAR(255) PRIMARY KEY,
    import_id  VARCHAR(36)  NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    events     INT          NOT NULL,
    applied_at TIMESTAMPTZ  NOT NULL
);

-- Rows refused, with the reason in words that name the column or rule, never the value.
CREATE TABLE history_import_error (
    import_id   VARCHAR(36)   NOT NULL REFERENCES history_import (import_id),
    file_kind   VARCHAR(32)   NOT NULL,
    line_number BIGINT        NOT NULL,
    source_key  VARCHAR(255),
    stage       VARCHAR(32)   NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    recorded_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (import_id, stage, line_number)
);

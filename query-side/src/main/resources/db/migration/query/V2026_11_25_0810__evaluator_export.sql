-- Pseudonymised evaluator exports: who asked, why, under which export key (its id only; the key itself is
-- derived server-side and never stored), with what filters, and how far the file has got.
CREATE TABLE evaluator_export (
    export_id      VARCHAR(36)  NOT NULL,
    kind           VARCHAR(20)  NOT NULL CHECK (kind IN ('person-level', 'event-level')),
    purpose        VARCHAR(500) NOT NULL,
    export_key_id  VARCHAR(64)  NOT NULL,
    filters        TEXT         NOT NULL,
    state          VARCHAR(10)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    rows_done      BIGINT       NOT NULL DEFAULT 0,
    rows_total     BIGINT,
    requested_by   VARCHAR(64)  NOT NULL,
    requested_role VARCHAR(20)  NOT NULL,
    organisation   VARCHAR(64)  NOT NULL,
    requested_at   TIMESTAMPTZ  NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    file_bytes     BIGINT,
    file_sha256    VARCHAR(64),
    error          VARCHAR(500),
    CONSTRAINT evaluator_export_pk PRIMARY KEY (export_id)
);
CREATE INDEX evaluator_export_requested_by_idx ON evaluator_export (requested_by, requested_at);

-- Rebuilds of projections: one row per rebuild, so its state survives a restart (an interrupted rebuild
-- is marked failed at the next start; the live tables it would have replaced are untouched).
CREATE TABLE projection_rebuild (
    rebuild_id       UUID         NOT NULL,
    projections      TEXT[]       NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    requested_by     VARCHAR(255),
    requested_at     TIMESTAMPTZ  NOT NULL,
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    build_schema     VARCHAR(63)  NOT NULL,
    position         BIGINT       NOT NULL DEFAULT 0,
    events_processed BIGINT       NOT NULL DEFAULT 0,
    events_total     BIGINT       NOT NULL DEFAULT 0,
    failure          TEXT,
    CONSTRAINT projection_rebuild_pk PRIMARY KEY (rebuild_id),
    CONSTRAINT projection_rebuild_state_ck CHECK (state IN ('queued', 'running', 'caught-up', 'failed'))
);

-- At most one rebuild queued or running at a time, across every node.
CREATE UNIQUE INDEX projection_rebuild_one_active ON projection_rebuild ((TRUE)) WHERE state IN ('queued', 'running');

-- What each selected projection handled of the events read.
CREATE TABLE projection_rebuild_projection (
    rebuild_id     UUID         NOT NULL REFERENCES projection_rebuild (rebuild_id) ON DELETE CASCADE,
    projection     VARCHAR(100) NOT NULL,
    events_handled BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT projection_rebuild_projection_pk PRIMARY KEY (rebuild_id, projection)
);

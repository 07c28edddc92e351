-- Named, read-only snapshots of one projection as known on a date (events recorded by then) or as happened
-- by a date (business time). Each lives in its own schema; the live views are never touched.
CREATE TABLE projection_snapshot (
    name             VARCHAR(40)  NOT NULL,
    projection       VARCHAR(100) NOT NULL,
    build_schema     VARCHAR(63)  NOT NULL,
    as_known_on      DATE,
    as_happened_by   DATE,
    state            VARCHAR(20)  NOT NULL,
    requested_by     VARCHAR(255),
    requested_at     TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ,
    events_read      BIGINT       NOT NULL DEFAULT 0,
    events_included  BIGINT       NOT NULL DEFAULT 0,
    failure          TEXT,
    CONSTRAINT projection_snapshot_pk PRIMARY KEY (name),
    CONSTRAINT projection_snapshot_state_ck CHECK (state IN ('building', 'ready', 'failed')),
    CONSTRAINT projection_snapshot_one_date_ck CHECK ((as_known_on IS NULL) <> (as_happened_by IS NULL))
);

-- One root hash per completed UTC day of recording time (docs/audit.md). Rows are never changed.
CREATE TABLE event_digest (
    day                DATE        PRIMARY KEY,
    events             BIGINT      NOT NULL,
    first_global_index BIGINT,
    last_global_index  BIGINT,
    root_hash          CHAR(64)    NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL
);

CREATE FUNCTION refuse_event_digest_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'event_digest is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER event_digest_append_only
    BEFORE UPDATE OR DELETE ON event_digest
    FOR EACH ROW EXECUTE FUNCTION refuse_event_digest_change();

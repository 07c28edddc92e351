-- Every read of personal data: who, when, what and why. Append-only, like the event store.
CREATE TABLE access_log (
    access_id      BIGSERIAL    PRIMARY KEY,
    accessed_at    TIMESTAMPTZ  NOT NULL,
    actor_id       VARCHAR(64)  NOT NULL,
    actor_role     VARCHAR(20)  NOT NULL,
    organisation   VARCHAR(64)  NOT NULL,
    purpose        VARCHAR(40)  NOT NULL,
    resource_type  VARCHAR(40)  NOT NULL,
    resource_id    VARCHAR(64)  NOT NULL,
    action         VARCHAR(40)  NOT NULL,
    outcome        VARCHAR(20)  NOT NULL,
    correlation_id VARCHAR(64)
);
CREATE INDEX access_log_resource_idx ON access_log (resource_type, resource_id, accessed_at);
CREATE INDEX access_log_actor_idx ON access_log (actor_id, accessed_at);

CREATE FUNCTION refuse_access_log_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'access_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER access_log_append_only
    BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION refuse_access_log_change();

CREATE TRIGGER access_log_no_truncate
    BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_access_log_change();

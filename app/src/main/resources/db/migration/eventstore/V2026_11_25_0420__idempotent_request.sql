-- Responses to writes sent with an Idempotency-Key, so that a retried request returns the first result
-- and records nothing twice. The row is written in the same transaction as the events it answers for.
CREATE TABLE idempotent_request (
    idempotency_key  VARCHAR(255) NOT NULL,
    actor_id         VARCHAR(64)  NOT NULL,
    method           VARCHAR(10)  NOT NULL,
    path             VARCHAR(2048) NOT NULL,
    request_hash     CHAR(64)     NOT NULL,
    status           INTEGER,
    content_type     VARCHAR(255),
    location         VARCHAR(2048),
    etag             VARCHAR(255),
    response_body    BYTEA,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT idempotent_request_pk PRIMARY KEY (idempotency_key, actor_id)
);
CREATE INDEX idempotent_request_created_idx ON idempotent_request (created_at);

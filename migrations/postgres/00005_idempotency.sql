-- +goose Up
-- First responses to POST requests that carried an Idempotency-Key, so that
-- a retried request gets the same answer instead of acting twice. Owner is
-- the user id, or "anon:" and the client address for public requests.
-- status 0 marks a request still being processed. Rows live 24 hours.
CREATE TABLE idempotency_keys (
    owner        text NOT NULL,
    key          text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    method       text NOT NULL,
    path         text NOT NULL,
    request_hash text NOT NULL,
    status       integer NOT NULL DEFAULT 0,
    content_type text NOT NULL DEFAULT '',
    body         bytea,
    created_at   timestamptz NOT NULL,
    completed_at timestamptz,
    PRIMARY KEY (owner, key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);

-- +goose Down
DROP TABLE idempotency_keys;

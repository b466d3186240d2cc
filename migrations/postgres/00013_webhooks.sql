-- +goose Up
-- Webhooks (internal/webhook): the operator's subscriptions, the outbox of
-- deliveries and the log of every attempt. A delivery is written in the
-- transaction of the transition it reports, so it exists if and only if
-- that transition committed; a worker then posts it, with retries.
-- The secret signs deliveries, so it must be read back: it is kept
-- encrypted (AES-256-GCM under a key derived from the server secret) and is
-- never returned by the API.
CREATE TABLE webhooks (
    id            uuid PRIMARY KEY,
    url           text NOT NULL,
    events        text NOT NULL,
    secret_sealed bytea NOT NULL,
    created_by    uuid NOT NULL,
    created_at    timestamptz NOT NULL
);

-- seq is the audit event's position in the chain: deliveries of one
-- resource to one webhook go out in that order, each after the one before
-- it succeeded or was given up.
CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY,
    webhook_id      uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event           text NOT NULL,
    resource_type   text NOT NULL,
    resource_id     text NOT NULL,
    seq             bigint NOT NULL,
    body            text NOT NULL,
    created_at      timestamptz NOT NULL,
    status          text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz,
    last_status     integer NOT NULL DEFAULT 0,
    last_error      text NOT NULL DEFAULT ''
);
-- The worker's question: which pending deliveries are due?
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (status, next_attempt_at);
-- The order per resource: is an earlier delivery of it still pending?
CREATE INDEX webhook_deliveries_resource_idx ON webhook_deliveries (webhook_id, resource_id, seq);
-- The log's question: a webhook's deliveries, newest first.
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (webhook_id, created_at DESC, id DESC);

CREATE TABLE webhook_attempts (
    id           uuid PRIMARY KEY,
    delivery_id  uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at timestamptz NOT NULL,
    status_code  integer NOT NULL DEFAULT 0,
    error        text NOT NULL DEFAULT ''
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempted_at);

-- +goose Down
DROP TABLE webhook_attempts;
DROP TABLE webhook_deliveries;
DROP TABLE webhooks;

-- +goose Up
-- Webhooks (internal/webhook): the operator's subscriptions, the outbox of
-- deliveries and the log of every attempt. A delivery is written in the
-- transaction of the transition it reports, so it exists if and only if
-- that transition committed; a worker then posts it, with retries.
-- The secret signs deliveries, so it must be read back: it is kept
-- encrypted (AES-256-GCM under a key derived from the server secret) and is
-- never returned by the API.
CREATE TABLE webhooks (
    id            TEXT PRIMARY KEY,
    url           TEXT NOT NULL,
    events        TEXT NOT NULL,
    secret_sealed BLOB NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    DATETIME NOT NULL
);

-- seq is the audit event's position in the chain: deliveries of one
-- resource to one webhook go out in that order, each after the one before
-- it succeeded or was given up.
CREATE TABLE webhook_deliveries (
    id              TEXT PRIMARY KEY,
    webhook_id      TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event           TEXT NOT NULL,
    resource_type   TEXT NOT NULL,
    resource_id     TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    body            TEXT NOT NULL,
    created_at      DATETIME NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at DATETIME NOT NULL,
    delivered_at    DATETIME,
    last_status     INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT ''
);
-- The worker's question: which pending deliveries are due?
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (status, next_attempt_at);
-- The order per resource: is an earlier delivery of it still pending?
CREATE INDEX webhook_deliveries_resource_idx ON webhook_deliveries (webhook_id, resource_id, seq);
-- The log's question: a webhook's deliveries, newest first.
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (webhook_id, created_at DESC, id DESC);

CREATE TABLE webhook_attempts (
    id           TEXT PRIMARY KEY,
    delivery_id  TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at DATETIME NOT NULL,
    status_code  INTEGER NOT NULL DEFAULT 0,
    error        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempted_at);

-- +goose Down
DROP TABLE webhook_attempts;
DROP TABLE webhook_deliveries;
DROP TABLE webhooks;

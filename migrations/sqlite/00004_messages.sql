-- +goose Up
-- The outbox and the web inbox in one table (internal/notify). A message is
-- written in the transaction of the transition it reports, so it exists if
-- and only if that transition committed; a worker then delivers it by email.
-- user_id is empty for an address without an account (a State's focal
-- point); such a message is only mailed, never shown in an inbox.
CREATE TABLE messages (
    id              TEXT PRIMARY KEY,
    user_id         TEXT,
    to_email        TEXT NOT NULL DEFAULT '',
    locale          TEXT NOT NULL,
    template        TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      DATETIME NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sent', 'logged', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at DATETIME NOT NULL,
    sent_at         DATETIME,
    last_error      TEXT NOT NULL DEFAULT '',
    read_at         DATETIME,
    CHECK (user_id IS NOT NULL OR to_email <> '')
);
-- The worker's question: which pending messages are due?
CREATE INDEX messages_due_idx ON messages (status, next_attempt_at);
-- The inbox's question: a user's messages, newest first, paged by keyset.
CREATE INDEX messages_inbox_idx ON messages (user_id, created_at DESC, id DESC);

-- +goose Down
DROP TABLE messages;

-- +goose Up
-- The outbox and the web inbox in one table (internal/notify). A message is
-- written in the transaction of the transition it reports, so it exists if
-- and only if that transition committed; a worker then delivers it by email.
-- user_id is empty for an address without an account (a State's focal
-- point); such a message is only mailed, never shown in an inbox.
CREATE TABLE messages (
    id              uuid PRIMARY KEY,
    user_id         uuid,
    to_email        text NOT NULL DEFAULT '',
    locale          text NOT NULL,
    template        text NOT NULL,
    subject         text NOT NULL,
    body            text NOT NULL,
    created_at      timestamptz NOT NULL,
    status          text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sent', 'logged', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz,
    last_error      text NOT NULL DEFAULT '',
    read_at         timestamptz,
    CHECK (user_id IS NOT NULL OR to_email <> '')
);
-- The worker's question: which pending messages are due?
CREATE INDEX messages_due_idx ON messages (status, next_attempt_at);
-- The inbox's question: a user's messages, newest first, paged by keyset.
CREATE INDEX messages_inbox_idx ON messages (user_id, created_at DESC, id DESC);

-- +goose Down
DROP TABLE messages;

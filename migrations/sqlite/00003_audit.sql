-- +goose Up
-- The audit log: one row per event, each chained to the one before by the
-- SHA-256 of its fields and its predecessor's hash, so that a changed or
-- deleted row shows up when the chain is verified (internal/audit).
CREATE TABLE audit_events (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    event       TEXT NOT NULL,
    from_state  TEXT NOT NULL DEFAULT '',
    to_state    TEXT NOT NULL DEFAULT '',
    actor_id    TEXT NOT NULL DEFAULT '',
    actor_role  TEXT NOT NULL DEFAULT '',
    comment     TEXT NOT NULL DEFAULT '',
    request_id  TEXT NOT NULL DEFAULT '',
    data        TEXT,
    occurred_at DATETIME NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, seq);

-- The head of the chain. SQLite transactions begin IMMEDIATE, so appends
-- are already serialised; the head still gives Verify the expected end.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only: the application's own connection can neither change nor
-- remove an event.
-- +goose StatementBegin
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only: UPDATE refused');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only: DELETE refused');
END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE audit_head;
DROP TABLE audit_events;

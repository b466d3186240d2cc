-- +goose Up
-- The audit log: one row per event, each chained to the one before by the
-- SHA-256 of its fields and its predecessor's hash, so that a changed or
-- deleted row shows up when the chain is verified (internal/audit).
CREATE TABLE audit_events (
    seq         bigint PRIMARY KEY,
    id          uuid NOT NULL UNIQUE,
    entity_type text NOT NULL,
    entity_id   text NOT NULL,
    event       text NOT NULL,
    from_state  text NOT NULL DEFAULT '',
    to_state    text NOT NULL DEFAULT '',
    actor_id    text NOT NULL DEFAULT '',
    actor_role  text NOT NULL DEFAULT '',
    comment     text NOT NULL DEFAULT '',
    request_id  text NOT NULL DEFAULT '',
    data        jsonb,
    occurred_at timestamptz NOT NULL,
    prev_hash   text NOT NULL,
    hash        text NOT NULL
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, seq);

-- The head of the chain. Appends lock this single row, so events get
-- consecutive sequence numbers and each links to the one committed before.
CREATE TABLE audit_head (
    id   integer PRIMARY KEY CHECK (id = 1),
    seq  bigint NOT NULL,
    hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only: the application's own connection can neither change nor
-- remove an event.
-- +goose StatementBegin
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

-- +goose Down
DROP TABLE audit_head;
DROP TABLE audit_events;
DROP FUNCTION audit_events_refuse_change();

-- +goose Up
-- The audit log's events name their chain (internal/audit, Chains). SQLite
-- has one writer at a time, so several heads would not let writes pass
-- each other: here every event stays in chain 1 under the one head.
ALTER TABLE audit_events ADD COLUMN chain INTEGER NOT NULL DEFAULT 1;
CREATE INDEX audit_events_chain_idx ON audit_events (chain, seq);

-- +goose Down
DROP INDEX audit_events_chain_idx;
ALTER TABLE audit_events DROP COLUMN chain;

-- +goose Up
-- The audit log becomes sixteen hash chains (internal/audit, Chains). One
-- head serialised every audited write in the product: each held the row
-- through its commit's flush to disk. Each chain is verified on its own;
-- events keep one sequence, drawn while their chain's head is locked.
-- Existing events form chain 1, whose head is the old single head.
ALTER TABLE audit_events ADD COLUMN chain smallint NOT NULL DEFAULT 1;
CREATE INDEX audit_events_chain_idx ON audit_events (chain, seq);

ALTER TABLE audit_head DROP CONSTRAINT audit_head_id_check;
ALTER TABLE audit_head ADD CONSTRAINT audit_head_id_check CHECK (id BETWEEN 1 AND 16);
INSERT INTO audit_head (id, seq, hash)
SELECT g, 0, '0000000000000000000000000000000000000000000000000000000000000000'
FROM generate_series(2, 16) AS g;

CREATE SEQUENCE audit_events_seq;
SELECT setval('audit_events_seq', COALESCE((SELECT max(seq) FROM audit_events), 0) + 1, false);

-- +goose Down
-- Only a log still in one chain can go back to one head.
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_events WHERE chain <> 1) THEN
        RAISE EXCEPTION 'audit_events spans several chains; it cannot return to one head';
    END IF;
END;
$$;
-- +goose StatementEnd
DROP SEQUENCE audit_events_seq;
DELETE FROM audit_head WHERE id <> 1;
ALTER TABLE audit_head DROP CONSTRAINT audit_head_id_check;
ALTER TABLE audit_head ADD CONSTRAINT audit_head_id_check CHECK (id = 1);
DROP INDEX audit_events_chain_idx;
ALTER TABLE audit_events DROP COLUMN chain;

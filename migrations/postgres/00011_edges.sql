-- +goose Up
-- A person is nominated at most once per conference (domain.md,
-- Delegates): a delegate row carries its conference and a keyed hash of
-- the normalised passport number (HMAC under a key derived from the server
-- secret, so the column reveals nothing without it), and a unique index
-- over the live delegates enforces it even for two nominations at once.
-- Rows from before get their hash when the server next starts (it needs
-- the secret, which a migration does not have). The hash is erased with
-- the passport number.
ALTER TABLE delegates ADD COLUMN conference_id uuid REFERENCES conferences(id);
ALTER TABLE delegates ADD COLUMN passport_key bytea;
UPDATE delegates SET conference_id = r.conference_id
  FROM accreditation_requests r WHERE r.id = delegates.accreditation_request_id;
CREATE UNIQUE INDEX delegates_passport_once ON delegates (conference_id, passport_key)
  WHERE passport_key IS NOT NULL AND state IN ('nominated', 'confirmed', 'badge_issued', 'checked_in');

-- /readyz writes this one row to learn whether the database takes writes:
-- a full disk or a read-only database fails it while reads still work.
CREATE TABLE write_probe (
    id         integer PRIMARY KEY CHECK (id = 1),
    checked_at timestamptz NOT NULL
);

-- +goose Down
DROP TABLE write_probe;
DROP INDEX delegates_passport_once;
ALTER TABLE delegates DROP COLUMN passport_key;
ALTER TABLE delegates DROP COLUMN conference_id;

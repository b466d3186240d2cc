-- +goose Up
-- A person is nominated at most once per conference; /readyz writes a
-- probe row. See the PostgreSQL file for the why.
ALTER TABLE delegates ADD COLUMN conference_id TEXT REFERENCES conferences(id);
ALTER TABLE delegates ADD COLUMN passport_key BLOB;
UPDATE delegates SET conference_id = (
  SELECT r.conference_id FROM accreditation_requests r WHERE r.id = delegates.accreditation_request_id);
CREATE UNIQUE INDEX delegates_passport_once ON delegates (conference_id, passport_key)
  WHERE passport_key IS NOT NULL AND state IN ('nominated', 'confirmed', 'badge_issued', 'checked_in');

CREATE TABLE write_probe (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at DATETIME NOT NULL
);

-- +goose Down
DROP TABLE write_probe;
DROP INDEX delegates_passport_once;
ALTER TABLE delegates DROP COLUMN passport_key;
ALTER TABLE delegates DROP COLUMN conference_id;

-- +goose Up
-- The door: see the PostgreSQL file for the why.
--
-- SQLite cannot alter a CHECK constraint. Widening the role list only
-- loosens it, which changes nothing stored, so the table's recorded
-- definition is edited in place (the procedure SQLite's ALTER TABLE
-- documentation gives for such changes) rather than the table rebuilt,
-- which would have to name every column of users. RESET reloads the
-- schema on this connection; the CREATE TABLE below bumps the schema
-- version so every other connection reloads it too.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''state_party'', ''admin'')', '''state_party'', ''admin'', ''door'')')
 WHERE type = 'table' AND name = 'users';
PRAGMA writable_schema = RESET;
ALTER TABLE users ADD COLUMN conference_id TEXT REFERENCES conferences(id);

ALTER TABLE delegates ADD COLUMN badge_code TEXT;
CREATE UNIQUE INDEX delegates_badge_code_idx ON delegates (badge_code) WHERE badge_code IS NOT NULL;

CREATE TABLE checkin_scans (
    id            TEXT PRIMARY KEY,
    conference_id TEXT NOT NULL REFERENCES conferences(id),
    delegate_id   TEXT NOT NULL REFERENCES delegates(id),
    device        TEXT NOT NULL,
    scanned_at    DATETIME NOT NULL,
    status        INTEGER NOT NULL CHECK (status IN (201, 409)),
    received_at   DATETIME NOT NULL,
    created_by    TEXT REFERENCES users(id) ON DELETE SET NULL,
    UNIQUE (delegate_id, device, scanned_at)
);
CREATE INDEX checkin_scans_conference_idx ON checkin_scans (conference_id, received_at);

-- +goose Down
DROP TABLE checkin_scans;
DROP INDEX delegates_badge_code_idx;
ALTER TABLE delegates DROP COLUMN badge_code;
ALTER TABLE users DROP COLUMN conference_id;

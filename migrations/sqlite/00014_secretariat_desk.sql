-- +goose Up
-- The secretariat's desk: a search key of each delegate's names. See the
-- PostgreSQL file for the why.
ALTER TABLE delegates ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE delegates SET name_key = lower(given_name || ' ' || family_name || ' ' ||
    given_name_original || ' ' || family_name_original);
CREATE INDEX accreditation_requests_conference_idx ON accreditation_requests(conference_id, created_at);

CREATE TABLE desk_notices (
    id                       TEXT PRIMARY KEY,
    user_id                  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind                     TEXT NOT NULL,
    accreditation_request_id TEXT NOT NULL REFERENCES accreditation_requests(id),
    created_at               DATETIME NOT NULL,
    sent_at                  DATETIME
);
CREATE INDEX desk_notices_unsent_idx ON desk_notices(user_id, created_at) WHERE sent_at IS NULL;

CREATE TABLE desk_digests (
    user_id      TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    daily        INTEGER NOT NULL DEFAULT 0,
    last_sent_at DATETIME,
    updated_at   DATETIME NOT NULL
);

-- +goose Down
DROP TABLE desk_digests;
DROP TABLE desk_notices;
DROP INDEX accreditation_requests_conference_idx;
ALTER TABLE delegates DROP COLUMN name_key;

-- +goose Up
-- The secretariat's desk: a search key of each delegate's names. See the
-- PostgreSQL file for the why.
ALTER TABLE delegates ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE delegates SET name_key = lower(given_name || ' ' || family_name || ' ' ||
    given_name_original || ' ' || family_name_original);
CREATE INDEX accreditation_requests_conference_idx ON accreditation_requests(conference_id, created_at);

-- +goose Down
DROP INDEX accreditation_requests_conference_idx;
ALTER TABLE delegates DROP COLUMN name_key;

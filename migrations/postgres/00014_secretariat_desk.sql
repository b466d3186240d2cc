-- +goose Up
-- The secretariat's desk (docs/api.md, The secretariat's desk): a search
-- key of each delegate's names (internal/namekey), written with the
-- nomination, so the participants list finds "Abdel-Rahman" for
-- "abdelrahman" and an Arabic name whatever its spelling of alef or taa
-- marbuta. Existing rows get their names lower-cased, the nearest SQL can
-- come to the key; new nominations carry the full key.
ALTER TABLE delegates ADD COLUMN name_key text NOT NULL DEFAULT '';
UPDATE delegates SET name_key = lower(given_name || ' ' || family_name || ' ' ||
    given_name_original || ' ' || family_name_original);
-- The participants list reads a conference's delegates through its
-- requests, ordered by family name.
CREATE INDEX accreditation_requests_conference_idx ON accreditation_requests(conference_id, created_at);

-- +goose Down
DROP INDEX accreditation_requests_conference_idx;
ALTER TABLE delegates DROP COLUMN name_key;

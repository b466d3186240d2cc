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

-- What the secretariat is told of (a new request, a nomination, a reply
-- to an objection, a referral), kept for the officers who take one daily
-- digest rather than a message each; sent_at marks what a digest carried.
CREATE TABLE desk_notices (
    id                       uuid PRIMARY KEY,
    user_id                  uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind                     text NOT NULL,
    accreditation_request_id uuid NOT NULL REFERENCES accreditation_requests(id),
    created_at               timestamptz NOT NULL,
    sent_at                  timestamptz
);
CREATE INDEX desk_notices_unsent_idx ON desk_notices(user_id, created_at) WHERE sent_at IS NULL;

-- A secretariat officer's choice: one daily digest instead of a message
-- each; last_sent_at is when the last digest went out.
CREATE TABLE desk_digests (
    user_id      uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    daily        boolean NOT NULL DEFAULT false,
    last_sent_at timestamptz,
    updated_at   timestamptz NOT NULL
);

-- +goose Down
DROP TABLE desk_digests;
DROP TABLE desk_notices;
DROP INDEX accreditation_requests_conference_idx;
ALTER TABLE delegates DROP COLUMN name_key;

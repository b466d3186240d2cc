-- +goose Up
-- Conferences, accreditation requests and circulations
-- (docs/domain.md: 2. Conference accreditation).
CREATE TABLE conferences (
    id                      uuid PRIMARY KEY,
    code                    text NOT NULL UNIQUE,
    title                   text NOT NULL,
    title_ar                text NOT NULL DEFAULT '',
    title_fr                text NOT NULL DEFAULT '',
    title_es                text NOT NULL DEFAULT '',
    venue                   text NOT NULL DEFAULT '',
    starts_on               date NOT NULL,
    ends_on                 date NOT NULL,
    accreditation_opens_at  timestamptz NOT NULL,
    accreditation_closes_at timestamptz NOT NULL,
    nomination_cutoff_at    timestamptz NOT NULL,
    max_delegates           integer NOT NULL DEFAULT 3 CHECK (max_delegates > 0),
    objection_period_days   integer NOT NULL DEFAULT 30 CHECK (objection_period_days > 0),
    name_objecting_states   boolean NOT NULL DEFAULT false,
    version                 integer NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    CHECK (ends_on >= starts_on),
    CHECK (accreditation_closes_at > accreditation_opens_at)
);

CREATE TABLE circulations (
    id                 uuid PRIMARY KEY,
    conference_id      uuid NOT NULL REFERENCES conferences(id),
    number             integer NOT NULL,
    circulated_at      timestamptz NOT NULL,
    objection_deadline timestamptz NOT NULL,
    -- Rule 17 asks for circulation at least thirty days before the opening;
    -- a later circulation is allowed but recorded.
    late               boolean NOT NULL DEFAULT false,
    created_by         uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL,
    UNIQUE (conference_id, number)
);

CREATE TABLE accreditation_requests (
    id                 uuid PRIMARY KEY,
    conference_id      uuid NOT NULL REFERENCES conferences(id),
    organization_id    uuid NOT NULL REFERENCES organizations(id),
    state              text NOT NULL,
    version            integer NOT NULL DEFAULT 1,
    motivation         text NOT NULL DEFAULT '',
    ecosoc_status      text NOT NULL DEFAULT 'none'
                       CHECK (ecosoc_status IN ('none', 'special', 'general', 'roster')),
    circulation_id     uuid REFERENCES circulations(id),
    circulation_number integer,
    objection_deadline timestamptz,
    decision_reference text NOT NULL DEFAULT '',
    submitted_at       timestamptz,
    decided_at         timestamptz,
    created_by         uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
-- One open request per organisation and conference.
CREATE UNIQUE INDEX accreditation_requests_open_idx ON accreditation_requests(conference_id, organization_id)
    WHERE state NOT IN ('withdrawn', 'ineligible', 'denied', 'revoked');
CREATE INDEX accreditation_requests_state_idx ON accreditation_requests(conference_id, state);
CREATE INDEX accreditation_requests_deadline_idx ON accreditation_requests(objection_deadline)
    WHERE state IN ('circulated', 'objected');

CREATE TABLE objections (
    id                       uuid PRIMARY KEY,
    accreditation_request_id uuid NOT NULL REFERENCES accreditation_requests(id),
    country                  text NOT NULL REFERENCES countries(code),
    state                    text NOT NULL,
    version                  integer NOT NULL DEFAULT 1,
    grounds                  text NOT NULL CHECK (btrim(grounds) <> ''),
    lodged_by                uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL
);
-- One live objection per State and request.
CREATE UNIQUE INDEX objections_live_idx ON objections(accreditation_request_id, country) WHERE state = 'live';

CREATE TABLE objection_replies (
    id           uuid PRIMARY KEY,
    objection_id uuid NOT NULL REFERENCES objections(id),
    text         text NOT NULL CHECK (btrim(text) <> ''),
    author_id    uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX objection_replies_objection_idx ON objection_replies(objection_id, created_at);

CREATE TABLE delegates (
    id                       uuid PRIMARY KEY,
    accreditation_request_id uuid NOT NULL REFERENCES accreditation_requests(id),
    state                    text NOT NULL,
    version                  integer NOT NULL DEFAULT 1,
    given_name               text NOT NULL,
    family_name              text NOT NULL,
    given_name_original      text NOT NULL DEFAULT '',
    family_name_original     text NOT NULL DEFAULT '',
    title                    text NOT NULL DEFAULT '',
    organization_role        text NOT NULL DEFAULT '',
    gender                   text NOT NULL DEFAULT '',
    nationality              text NOT NULL DEFAULT '',
    -- AES-GCM ciphertext; NULL once purged after the retention period.
    passport_number_enc      bytea,
    passport_hint            text NOT NULL DEFAULT '',
    passport_expiry          date,
    email                    text NOT NULL DEFAULT '',
    needs_visa_letter        boolean NOT NULL DEFAULT false,
    replaces_id              uuid REFERENCES delegates(id),
    checked_in_at            timestamptz,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL
);
CREATE INDEX delegates_request_idx ON delegates(accreditation_request_id, state);

-- +goose Down
DROP TABLE delegates;
DROP TABLE objection_replies;
DROP TABLE objections;
DROP TABLE accreditation_requests;
DROP TABLE circulations;
DROP TABLE conferences;

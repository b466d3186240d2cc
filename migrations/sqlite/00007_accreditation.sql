-- +goose Up
-- Conferences, accreditation requests and circulations
-- (docs/domain.md: 2. Conference accreditation).
CREATE TABLE conferences (
    id                      TEXT PRIMARY KEY,
    code                    TEXT NOT NULL UNIQUE,
    title                   TEXT NOT NULL,
    title_ar                TEXT NOT NULL DEFAULT '',
    title_fr                TEXT NOT NULL DEFAULT '',
    title_es                TEXT NOT NULL DEFAULT '',
    venue                   TEXT NOT NULL DEFAULT '',
    starts_on               TEXT NOT NULL,
    ends_on                 TEXT NOT NULL,
    accreditation_opens_at  DATETIME NOT NULL,
    accreditation_closes_at DATETIME NOT NULL,
    nomination_cutoff_at    DATETIME NOT NULL,
    max_delegates           INTEGER NOT NULL DEFAULT 3 CHECK (max_delegates > 0),
    objection_period_days   INTEGER NOT NULL DEFAULT 30 CHECK (objection_period_days > 0),
    name_objecting_states   INTEGER NOT NULL DEFAULT 0,
    version                 INTEGER NOT NULL DEFAULT 1,
    created_at              DATETIME NOT NULL,
    updated_at              DATETIME NOT NULL,
    CHECK (ends_on >= starts_on)
);

CREATE TABLE circulations (
    id                 TEXT PRIMARY KEY,
    conference_id      TEXT NOT NULL REFERENCES conferences(id),
    number             INTEGER NOT NULL,
    circulated_at      DATETIME NOT NULL,
    objection_deadline DATETIME NOT NULL,
    late               INTEGER NOT NULL DEFAULT 0,
    created_by         TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at         DATETIME NOT NULL,
    UNIQUE (conference_id, number)
);

CREATE TABLE accreditation_requests (
    id                 TEXT PRIMARY KEY,
    conference_id      TEXT NOT NULL REFERENCES conferences(id),
    organization_id    TEXT NOT NULL REFERENCES organizations(id),
    state              TEXT NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1,
    motivation         TEXT NOT NULL DEFAULT '',
    ecosoc_status      TEXT NOT NULL DEFAULT 'none'
                       CHECK (ecosoc_status IN ('none', 'special', 'general', 'roster')),
    circulation_id     TEXT REFERENCES circulations(id),
    circulation_number INTEGER,
    objection_deadline DATETIME,
    decision_reference TEXT NOT NULL DEFAULT '',
    submitted_at       DATETIME,
    decided_at         DATETIME,
    created_by         TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at         DATETIME NOT NULL,
    updated_at         DATETIME NOT NULL
);
CREATE UNIQUE INDEX accreditation_requests_open_idx ON accreditation_requests(conference_id, organization_id)
    WHERE state NOT IN ('withdrawn', 'ineligible', 'denied', 'revoked');
CREATE INDEX accreditation_requests_state_idx ON accreditation_requests(conference_id, state);
CREATE INDEX accreditation_requests_deadline_idx ON accreditation_requests(objection_deadline)
    WHERE state IN ('circulated', 'objected');

CREATE TABLE objections (
    id                       TEXT PRIMARY KEY,
    accreditation_request_id TEXT NOT NULL REFERENCES accreditation_requests(id),
    country                  TEXT NOT NULL REFERENCES countries(code),
    state                    TEXT NOT NULL,
    version                  INTEGER NOT NULL DEFAULT 1,
    grounds                  TEXT NOT NULL CHECK (trim(grounds) <> ''),
    lodged_by                TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at               DATETIME NOT NULL,
    updated_at               DATETIME NOT NULL
);
-- One live objection per State and request.
CREATE UNIQUE INDEX objections_live_idx ON objections(accreditation_request_id, country) WHERE state = 'live';

CREATE TABLE objection_replies (
    id           TEXT PRIMARY KEY,
    objection_id TEXT NOT NULL REFERENCES objections(id),
    text         TEXT NOT NULL CHECK (trim(text) <> ''),
    author_id    TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at   DATETIME NOT NULL
);
CREATE INDEX objection_replies_objection_idx ON objection_replies(objection_id, created_at);

CREATE TABLE delegates (
    id                       TEXT PRIMARY KEY,
    accreditation_request_id TEXT NOT NULL REFERENCES accreditation_requests(id),
    state                    TEXT NOT NULL,
    version                  INTEGER NOT NULL DEFAULT 1,
    given_name               TEXT NOT NULL,
    family_name              TEXT NOT NULL,
    given_name_original      TEXT NOT NULL DEFAULT '',
    family_name_original     TEXT NOT NULL DEFAULT '',
    title                    TEXT NOT NULL DEFAULT '',
    organization_role        TEXT NOT NULL DEFAULT '',
    gender                   TEXT NOT NULL DEFAULT '',
    nationality              TEXT NOT NULL DEFAULT '',
    -- AES-GCM ciphertext; NULL once purged after the retention period.
    passport_number_enc      BLOB,
    passport_hint            TEXT NOT NULL DEFAULT '',
    passport_expiry          TEXT,
    email                    TEXT NOT NULL DEFAULT '',
    needs_visa_letter        INTEGER NOT NULL DEFAULT 0,
    replaces_id              TEXT REFERENCES delegates(id),
    checked_in_at            DATETIME,
    created_at               DATETIME NOT NULL,
    updated_at               DATETIME NOT NULL
);
CREATE INDEX delegates_request_idx ON delegates(accreditation_request_id, state);

-- +goose Down
DROP TABLE delegates;
DROP TABLE objection_replies;
DROP TABLE objections;
DROP TABLE accreditation_requests;
DROP TABLE circulations;
DROP TABLE conferences;

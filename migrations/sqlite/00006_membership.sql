-- +goose Up
-- Organisations, their membership applications and memberships
-- (docs/domain.md: Organisation, 1. Membership application, Membership).
CREATE TABLE organizations (
    id                     TEXT PRIMARY KEY,
    name                   TEXT NOT NULL,
    name_en                TEXT NOT NULL DEFAULT '',
    acronym                TEXT NOT NULL DEFAULT '',
    country                TEXT NOT NULL REFERENCES countries(code),
    region                 TEXT NOT NULL REFERENCES regions(code),
    city                   TEXT NOT NULL DEFAULT '',
    registration_number    TEXT NOT NULL DEFAULT '',
    registration_authority TEXT NOT NULL DEFAULT '',
    year_founded           INTEGER,
    website                TEXT NOT NULL DEFAULT '',
    email                  TEXT NOT NULL DEFAULT '',
    phone                  TEXT NOT NULL DEFAULT '',
    areas                  TEXT NOT NULL DEFAULT '[]',
    uncac_chapters         TEXT NOT NULL DEFAULT '[]',
    ecosoc_status          TEXT NOT NULL DEFAULT 'none'
                           CHECK (ecosoc_status IN ('none', 'special', 'general', 'roster')),
    ecosoc_since           INTEGER,
    declarations           TEXT NOT NULL DEFAULT '{}',
    name_key               TEXT NOT NULL DEFAULT '',
    name_en_key            TEXT NOT NULL DEFAULT '',
    registration_key       TEXT NOT NULL DEFAULT '',
    version                INTEGER NOT NULL DEFAULT 1,
    created_by             TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at             DATETIME NOT NULL,
    updated_at             DATETIME NOT NULL
);
CREATE INDEX organizations_country_name_key_idx ON organizations(country, name_key);
CREATE INDEX organizations_country_name_en_key_idx ON organizations(country, name_en_key);
CREATE INDEX organizations_country_registration_idx ON organizations(country, registration_key);

CREATE TABLE membership_applications (
    id                TEXT PRIMARY KEY,
    organization_id   TEXT NOT NULL REFERENCES organizations(id),
    state             TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    region            TEXT NOT NULL REFERENCES regions(code),
    motivation        TEXT NOT NULL DEFAULT '',
    reviewer_id       TEXT REFERENCES users(id),
    submitted_at      DATETIME,
    decided_at        DATETIME,
    response_deadline DATETIME,
    appeal_deadline   DATETIME,
    created_by        TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at        DATETIME NOT NULL,
    updated_at        DATETIME NOT NULL
);
CREATE INDEX membership_applications_queue_idx ON membership_applications(region, state, submitted_at);
CREATE INDEX membership_applications_org_idx ON membership_applications(organization_id);
CREATE INDEX membership_applications_response_deadline_idx ON membership_applications(response_deadline)
    WHERE state = 'info_requested';

CREATE TABLE memberships (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations(id),
    application_id   TEXT REFERENCES membership_applications(id),
    state            TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    since            DATETIME NOT NULL,
    renewal_due      DATETIME NOT NULL,
    lapses_at        DATETIME NOT NULL,
    reconfirmed_at   DATETIME,
    created_at       DATETIME NOT NULL,
    updated_at       DATETIME NOT NULL
);
CREATE UNIQUE INDEX memberships_organization_idx ON memberships(organization_id);
CREATE INDEX memberships_lapse_idx ON memberships(lapses_at) WHERE state = 'active';

-- +goose Down
DROP TABLE memberships;
DROP TABLE membership_applications;
DROP TABLE organizations;

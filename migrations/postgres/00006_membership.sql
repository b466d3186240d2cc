-- +goose Up
-- Organisations, their membership applications and memberships
-- (docs/domain.md: Organisation, 1. Membership application, Membership).
CREATE TABLE organizations (
    id                     uuid PRIMARY KEY,
    name                   text NOT NULL,
    name_en                text NOT NULL DEFAULT '',
    acronym                text NOT NULL DEFAULT '',
    country                text NOT NULL REFERENCES countries(code),
    region                 text NOT NULL REFERENCES regions(code),
    city                   text NOT NULL DEFAULT '',
    registration_number    text NOT NULL DEFAULT '',
    registration_authority text NOT NULL DEFAULT '',
    year_founded           integer,
    website                text NOT NULL DEFAULT '',
    email                  text NOT NULL DEFAULT '',
    phone                  text NOT NULL DEFAULT '',
    areas                  jsonb NOT NULL DEFAULT '[]',
    uncac_chapters         jsonb NOT NULL DEFAULT '[]',
    ecosoc_status          text NOT NULL DEFAULT 'none'
                           CHECK (ecosoc_status IN ('none', 'special', 'general', 'roster')),
    ecosoc_since           integer,
    declarations           jsonb NOT NULL DEFAULT '{}',
    -- Normalised keys (internal/namekey) for search and duplicate warnings.
    name_key               text NOT NULL DEFAULT '',
    name_en_key            text NOT NULL DEFAULT '',
    registration_key       text NOT NULL DEFAULT '',
    version                integer NOT NULL DEFAULT 1,
    created_by             uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL
);
CREATE INDEX organizations_country_name_key_idx ON organizations(country, name_key);
CREATE INDEX organizations_country_name_en_key_idx ON organizations(country, name_en_key);
CREATE INDEX organizations_country_registration_idx ON organizations(country, registration_key);

ALTER TABLE users ADD CONSTRAINT users_organization_fk
    FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE SET NULL;

CREATE TABLE membership_applications (
    id                uuid PRIMARY KEY,
    organization_id   uuid NOT NULL REFERENCES organizations(id),
    state             text NOT NULL,
    version           integer NOT NULL DEFAULT 1,
    region            text NOT NULL REFERENCES regions(code),
    motivation        text NOT NULL DEFAULT '',
    reviewer_id       uuid REFERENCES users(id),
    submitted_at      timestamptz,
    decided_at        timestamptz,
    response_deadline timestamptz,
    appeal_deadline   timestamptz,
    created_by        uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX membership_applications_queue_idx ON membership_applications(region, state, submitted_at);
CREATE INDEX membership_applications_org_idx ON membership_applications(organization_id);
CREATE INDEX membership_applications_response_deadline_idx ON membership_applications(response_deadline)
    WHERE state = 'info_requested';

CREATE TABLE memberships (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations(id),
    application_id   uuid REFERENCES membership_applications(id),
    state            text NOT NULL,
    version          integer NOT NULL DEFAULT 1,
    since            timestamptz NOT NULL,
    renewal_due      timestamptz NOT NULL,
    -- renewal_due + 30 days: the instant the engine lapses a membership
    -- whose declarations were not reconfirmed.
    lapses_at        timestamptz NOT NULL,
    reconfirmed_at   timestamptz,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
-- One membership record per organisation: it moves between states rather
-- than being replaced.
CREATE UNIQUE INDEX memberships_organization_idx ON memberships(organization_id);
CREATE INDEX memberships_lapse_idx ON memberships(lapses_at) WHERE state = 'active';

-- +goose Down
DROP TABLE memberships;
DROP TABLE membership_applications;
ALTER TABLE users DROP CONSTRAINT users_organization_fk;
DROP TABLE organizations;

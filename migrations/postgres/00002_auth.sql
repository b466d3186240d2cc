-- +goose Up
-- People who sign in, their sessions and single-use links (internal/auth).
-- Emails are stored trimmed and lower-cased (by the service), so the unique
-- constraint is case-insensitive in effect.
CREATE TABLE users (
    id                uuid PRIMARY KEY,
    email             text NOT NULL UNIQUE CHECK (email <> ''),
    name              text NOT NULL CHECK (btrim(name) <> ''),
    -- Empty until an invited user chooses a password: matches nothing.
    password_hash     text NOT NULL DEFAULT '',
    role              text NOT NULL
                      CHECK (role IN ('applicant', 'coordinator', 'secretariat', 'state_party', 'admin')),
    locale            text NOT NULL DEFAULT 'en' CHECK (locale IN ('ar', 'en', 'fr', 'es')),
    -- The applicant's organisation; its foreign key comes with the
    -- organisations table.
    organization_id   uuid,
    -- The State a state_party user speaks for (ISO 3166-1 alpha-2).
    country           text CHECK (country ~ '^[A-Z]{2}$'),
    email_verified_at timestamptz,
    disabled          boolean NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX users_organization_idx ON users (organization_id) WHERE organization_id IS NOT NULL;

-- The regions a coordinator covers.
CREATE TABLE user_regions (
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    region  text NOT NULL REFERENCES regions(code),
    PRIMARY KEY (user_id, region)
);
-- Who coordinates a region (to notify them of a new application)?
CREATE INDEX user_regions_region_idx ON user_regions (region);

-- Refresh tokens, stored as SHA-256 hashes. A family is one sign-in; each
-- refresh rotates the presented token and adds the next one to the family.
CREATE TABLE refresh_tokens (
    id         uuid PRIMARY KEY,
    family_id  uuid NOT NULL,
    user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    rotated_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id, expires_at);

-- Single-use links sent by mail: email verification and invitations.
CREATE TABLE user_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose     text NOT NULL CHECK (purpose IN ('verify_email', 'invitation')),
    token_hash  text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    consumed_at timestamptz
);
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id);

-- Failed sign-ins within the rate limiter's window, shared by every server.
-- email is what was typed (normalised), whether or not an account has it.
CREATE TABLE login_failures (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    addr  text NOT NULL DEFAULT '',
    at    timestamptz NOT NULL
);
CREATE INDEX login_failures_email_idx ON login_failures (email, at);
CREATE INDEX login_failures_addr_idx ON login_failures (addr, at);
-- Pruning drops rows that left the window.
CREATE INDEX login_failures_at_idx ON login_failures (at);

-- +goose Down
DROP TABLE login_failures;
DROP TABLE user_tokens;
DROP TABLE refresh_tokens;
DROP TABLE user_regions;
DROP TABLE users;

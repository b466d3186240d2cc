-- +goose Up
-- Passkeys: see the PostgreSQL file for the why.
CREATE TABLE passkeys (
    id               TEXT PRIMARY KEY,
    user_id          TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    credential_id    BLOB NOT NULL UNIQUE,
    public_key       BLOB NOT NULL,
    sign_count       INTEGER NOT NULL DEFAULT 0,
    aaguid           BLOB NOT NULL,
    transports       TEXT NOT NULL DEFAULT '',
    flags            INTEGER NOT NULL DEFAULT 0,
    attestation_type TEXT NOT NULL DEFAULT '',
    name             TEXT NOT NULL DEFAULT '',
    created_at       DATETIME NOT NULL,
    last_used_at     DATETIME
);
CREATE INDEX passkeys_user_idx ON passkeys (user_id);

CREATE TABLE passkey_registrations (
    user_id    TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    session    TEXT NOT NULL,
    expires_at DATETIME NOT NULL
);

ALTER TABLE mfa_challenges ADD COLUMN passkey_session TEXT;

-- +goose Down
ALTER TABLE mfa_challenges DROP COLUMN passkey_session;
DROP TABLE passkey_registrations;
DROP TABLE passkeys;

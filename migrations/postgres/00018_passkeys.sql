-- +goose Up
-- Passkeys (WebAuthn) as a second sign-in factor beside TOTP (internal/auth).

-- One row per registered authenticator credential. The public key is the
-- COSE key the authenticator made; sign_count is the last counter seen,
-- so that a cloned authenticator going backwards is refused; flags keeps
-- the backup bits the library checks at every assertion.
CREATE TABLE passkeys (
    id               uuid PRIMARY KEY,
    user_id          uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    credential_id    bytea NOT NULL UNIQUE,
    public_key       bytea NOT NULL,
    sign_count       bigint NOT NULL DEFAULT 0,
    aaguid           bytea NOT NULL,
    transports       text NOT NULL DEFAULT '',
    flags            integer NOT NULL DEFAULT 0,
    attestation_type text NOT NULL DEFAULT '',
    name             text NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL,
    last_used_at     timestamptz
);
CREATE INDEX passkeys_user_idx ON passkeys (user_id);

-- The registration ceremony under way for a user: the challenge and what
-- the library must check the answer against, kept on the server, one per
-- user, short-lived.
CREATE TABLE passkey_registrations (
    user_id    uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    session    text NOT NULL,
    expires_at timestamptz NOT NULL
);

-- The assertion ceremony of a sign-in's second step belongs to that
-- step's challenge: it expires with it and is taken (set back to null)
-- by the first answer, right or wrong.
ALTER TABLE mfa_challenges ADD COLUMN passkey_session text;

-- +goose Down
ALTER TABLE mfa_challenges DROP COLUMN passkey_session;
DROP TABLE passkey_registrations;
DROP TABLE passkeys;

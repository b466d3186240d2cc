-- +goose Up
-- Two-step sign-in with a time-based one-time password (internal/auth).

-- One authenticator per user. The secret is sealed with AES-GCM under a
-- key derived from the server secret; last_step is the time step of the
-- last code accepted, so no code is accepted twice.
CREATE TABLE user_totp (
    user_id      uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret_box   bytea NOT NULL,
    created_at   timestamptz NOT NULL,
    confirmed_at timestamptz,
    last_step    bigint NOT NULL DEFAULT 0
);

-- Ten recovery codes per enrolment, stored hashed, each usable once.
CREATE TABLE recovery_codes (
    id        uuid PRIMARY KEY,
    user_id   uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash text NOT NULL,
    used_at   timestamptz,
    UNIQUE (user_id, code_hash)
);

-- The second step of a sign-in: the password was right, a code is due.
-- Only the token's hash is stored; it is short-lived and used once.
CREATE TABLE mfa_challenges (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash  text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    consumed_at timestamptz
);
CREATE INDEX mfa_challenges_expires_idx ON mfa_challenges (expires_at);

-- +goose Down
DROP TABLE mfa_challenges;
DROP TABLE recovery_codes;
DROP TABLE user_totp;

-- +goose Up
-- Two-step sign-in: see the PostgreSQL file for the why.
CREATE TABLE user_totp (
    user_id      TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret_box   BLOB NOT NULL,
    created_at   DATETIME NOT NULL,
    confirmed_at DATETIME,
    last_step    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE recovery_codes (
    id        TEXT PRIMARY KEY,
    user_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   DATETIME,
    UNIQUE (user_id, code_hash)
);

CREATE TABLE mfa_challenges (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  DATETIME NOT NULL,
    expires_at  DATETIME NOT NULL,
    consumed_at DATETIME
);
CREATE INDEX mfa_challenges_expires_idx ON mfa_challenges (expires_at);

-- +goose Down
DROP TABLE mfa_challenges;
DROP TABLE recovery_codes;
DROP TABLE user_totp;

-- +goose Up
-- Sessions that end at once, password-reset links, and sign-in throttling
-- that counts atomically (internal/auth).

-- A session is one sign-in: its refresh-token family shares its id, and
-- every access token names it, so ending the session refuses them at once.
CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at DATETIME NOT NULL,
    ended_at   DATETIME
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE ended_at IS NULL;
-- Sessions already under way keep working.
INSERT INTO sessions (id, user_id, created_at)
SELECT family_id, min(user_id), min(created_at) FROM refresh_tokens
 WHERE revoked_at IS NULL GROUP BY family_id;

-- SQLite cannot change a CHECK constraint: the table is rebuilt. Nothing
-- refers to user_tokens, so dropping it is safe.
CREATE TABLE user_tokens_next (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('verify_email', 'invitation', 'password_reset')),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  DATETIME NOT NULL,
    expires_at  DATETIME NOT NULL,
    consumed_at DATETIME
);
INSERT INTO user_tokens_next SELECT id, user_id, purpose, token_hash, created_at, expires_at, consumed_at FROM user_tokens;
DROP TABLE user_tokens;
ALTER TABLE user_tokens_next RENAME TO user_tokens;
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id);

-- Sign-in attempts per key (an account and address pair, an address, an
-- account) within a fixed window. A request reserves its attempt here
-- before the password is checked, so a burst cannot overrun the limit.
CREATE TABLE login_throttle (
    key          TEXT PRIMARY KEY,
    window_start DATETIME NOT NULL,
    attempts     INTEGER NOT NULL CHECK (attempts >= 0)
);
CREATE INDEX login_throttle_window_idx ON login_throttle (window_start);

-- Replaced by login_throttle.
DROP TABLE login_failures;

-- +goose Down
CREATE TABLE login_failures (
    id    INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    addr  TEXT NOT NULL DEFAULT '',
    at    DATETIME NOT NULL
);
CREATE INDEX login_failures_email_idx ON login_failures (email, at);
CREATE INDEX login_failures_addr_idx ON login_failures (addr, at);
CREATE INDEX login_failures_at_idx ON login_failures (at);
DROP TABLE login_throttle;
CREATE TABLE user_tokens_prev (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('verify_email', 'invitation')),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  DATETIME NOT NULL,
    expires_at  DATETIME NOT NULL,
    consumed_at DATETIME
);
INSERT INTO user_tokens_prev SELECT id, user_id, purpose, token_hash, created_at, expires_at, consumed_at
  FROM user_tokens WHERE purpose <> 'password_reset';
DROP TABLE user_tokens;
ALTER TABLE user_tokens_prev RENAME TO user_tokens;
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id);
DROP TABLE sessions;

-- +goose Up
-- Sessions that end at once, password-reset links, and sign-in throttling
-- that counts atomically (internal/auth).

-- A session is one sign-in: its refresh-token family shares its id, and
-- every access token names it, so ending the session refuses them at once
-- on every server.
CREATE TABLE sessions (
    id         uuid PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    ended_at   timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE ended_at IS NULL;
-- Sessions already under way keep working.
INSERT INTO sessions (id, user_id, created_at)
SELECT family_id, min(user_id::text)::uuid, min(created_at) FROM refresh_tokens
 WHERE revoked_at IS NULL GROUP BY family_id;

ALTER TABLE user_tokens DROP CONSTRAINT user_tokens_purpose_check;
ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_purpose_check
    CHECK (purpose IN ('verify_email', 'invitation', 'password_reset'));

-- Sign-in attempts per key (an account and address pair, an address, an
-- account) within a fixed window. A request reserves its attempt here
-- before the password is checked, so a burst cannot overrun the limit.
CREATE TABLE login_throttle (
    key          text PRIMARY KEY,
    window_start timestamptz NOT NULL,
    attempts     integer NOT NULL CHECK (attempts >= 0)
);
CREATE INDEX login_throttle_window_idx ON login_throttle (window_start);

-- Replaced by login_throttle.
DROP TABLE login_failures;

-- +goose Down
CREATE TABLE login_failures (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    addr  text NOT NULL DEFAULT '',
    at    timestamptz NOT NULL
);
CREATE INDEX login_failures_email_idx ON login_failures (email, at);
CREATE INDEX login_failures_addr_idx ON login_failures (addr, at);
CREATE INDEX login_failures_at_idx ON login_failures (at);
DROP TABLE login_throttle;
DELETE FROM user_tokens WHERE purpose = 'password_reset';
ALTER TABLE user_tokens DROP CONSTRAINT user_tokens_purpose_check;
ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_purpose_check
    CHECK (purpose IN ('verify_email', 'invitation'));
DROP TABLE sessions;

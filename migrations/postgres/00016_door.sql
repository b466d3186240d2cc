-- +goose Up
-- The door (docs/domain.md, "People and roles", "Delegates"): check-in staff
-- bound to one conference, a short code on every issued badge that a person
-- can type, and every scan a door sends, so that a retried batch gets the
-- same answers and the earliest scan of a badge is the one kept.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('applicant', 'coordinator', 'secretariat', 'state_party', 'admin', 'door'));
ALTER TABLE users ADD COLUMN conference_id uuid REFERENCES conferences(id);
ALTER TABLE users ADD CONSTRAINT users_door_conference_check
    CHECK ((role = 'door') = (conference_id IS NOT NULL));

-- Unique across conferences, which makes it unique within each; stored
-- upper-case, compared upper-case.
ALTER TABLE delegates ADD COLUMN badge_code text;
CREATE UNIQUE INDEX delegates_badge_code_idx ON delegates (badge_code) WHERE badge_code IS NOT NULL;

CREATE TABLE checkin_scans (
    id            uuid PRIMARY KEY,
    conference_id uuid NOT NULL REFERENCES conferences(id),
    delegate_id   uuid NOT NULL REFERENCES delegates(id),
    device        text NOT NULL,
    scanned_at    timestamptz NOT NULL,
    -- 201: this scan recorded the check-in; 409: the badge was already in.
    status        integer NOT NULL CHECK (status IN (201, 409)),
    received_at   timestamptz NOT NULL,
    created_by    uuid REFERENCES users(id) ON DELETE SET NULL,
    UNIQUE (delegate_id, device, scanned_at)
);
CREATE INDEX checkin_scans_conference_idx ON checkin_scans (conference_id, received_at);

-- +goose Down
DROP TABLE checkin_scans;
DROP INDEX delegates_badge_code_idx;
ALTER TABLE delegates DROP COLUMN badge_code;
ALTER TABLE users DROP CONSTRAINT users_door_conference_check;
ALTER TABLE users DROP COLUMN conference_id;
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('applicant', 'coordinator', 'secretariat', 'state_party', 'admin'));

-- +goose Up
-- What the membership application machine needs beyond 00006: attached
-- documents (metadata and bytes), coordinators' recusals, and at most one
-- open application per organisation. See the PostgreSQL file for the why.
CREATE TABLE document_blobs (
    key  TEXT PRIMARY KEY,
    data BLOB NOT NULL
);

CREATE TABLE application_documents (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES membership_applications(id),
    kind           TEXT NOT NULL
                   CHECK (kind IN ('statutes', 'registration', 'report', 'financial', 'other')),
    filename       TEXT NOT NULL CHECK (filename <> ''),
    content_type   TEXT NOT NULL,
    size           INTEGER NOT NULL CHECK (size > 0),
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    storage_key    TEXT NOT NULL UNIQUE,
    uploaded_by    TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at     DATETIME NOT NULL
);
CREATE INDEX application_documents_application_idx ON application_documents(application_id, created_at);

CREATE TABLE coordinator_recusals (
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    application_id  TEXT REFERENCES membership_applications(id),
    reason          TEXT NOT NULL CHECK (trim(reason) <> ''),
    created_at      DATETIME NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);

CREATE UNIQUE INDEX membership_applications_one_open_idx ON membership_applications(organization_id)
    WHERE state IN ('draft', 'submitted', 'under_review', 'info_requested', 'appealed');

-- +goose Down
DROP INDEX membership_applications_one_open_idx;
DROP TABLE coordinator_recusals;
DROP TABLE application_documents;
DROP TABLE document_blobs;

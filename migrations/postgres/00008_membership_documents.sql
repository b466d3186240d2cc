-- +goose Up
-- What the membership application machine needs beyond 00006: the
-- documents an applicant attaches (metadata and, by default, the bytes
-- themselves, so one backup holds everything and every server instance sees
-- every file), coordinators' recusals, and the rule that an organisation
-- has at most one open application.

-- The bytes of stored documents, kept apart from their metadata so that
-- listing an application's documents never reads them. The key is opaque:
-- an object store could hold the same keys instead.
CREATE TABLE document_blobs (
    key  text PRIMARY KEY,
    data bytea NOT NULL
);

CREATE TABLE application_documents (
    id             uuid PRIMARY KEY,
    application_id uuid NOT NULL REFERENCES membership_applications(id),
    kind           text NOT NULL
                   CHECK (kind IN ('statutes', 'registration', 'report', 'financial', 'other')),
    filename       text NOT NULL CHECK (filename <> ''),
    -- Decided by the content, never by the client's name or header.
    content_type   text NOT NULL,
    size           bigint NOT NULL CHECK (size > 0),
    sha256         text NOT NULL CHECK (length(sha256) = 64),
    storage_key    text NOT NULL UNIQUE,
    uploaded_by    uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX application_documents_application_idx ON application_documents(application_id, created_at);

-- A coordinator who declared a conflict of interest with an organisation
-- never reviews its applications again: the row is the bar, kept for good.
CREATE TABLE coordinator_recusals (
    organization_id uuid NOT NULL REFERENCES organizations(id),
    user_id         uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    application_id  uuid REFERENCES membership_applications(id),
    reason          text NOT NULL CHECK (btrim(reason) <> ''),
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);

-- One open application per organisation (docs/domain.md, submit). The service
-- checks first to give a clear answer; this index settles races.
CREATE UNIQUE INDEX membership_applications_one_open_idx ON membership_applications(organization_id)
    WHERE state IN ('draft', 'submitted', 'under_review', 'info_requested', 'appealed');

-- +goose Down
DROP INDEX membership_applications_one_open_idx;
DROP TABLE coordinator_recusals;
DROP TABLE application_documents;
DROP TABLE document_blobs;

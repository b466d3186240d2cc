-- +goose Up
-- Visa support letters, sealed because they print the passport number in
-- clear, and erased with the passport numbers after the retention period.
-- See the PostgreSQL file for the why.
CREATE TABLE visa_letters (
    id                       TEXT PRIMARY KEY,
    delegate_id              TEXT NOT NULL REFERENCES delegates(id),
    accreditation_request_id TEXT NOT NULL REFERENCES accreditation_requests(id),
    locale                   TEXT NOT NULL CHECK (locale IN ('ar', 'en', 'fr', 'es')),
    pdf_sealed               BLOB,
    size                     INTEGER NOT NULL CHECK (size > 0),
    sha256                   TEXT NOT NULL CHECK (length(sha256) = 64),
    created_by               TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at               DATETIME NOT NULL,
    purged_at                DATETIME,
    CHECK ((pdf_sealed IS NULL) = (purged_at IS NOT NULL))
);
CREATE INDEX visa_letters_delegate_idx ON visa_letters(delegate_id, created_at);
CREATE INDEX visa_letters_request_idx ON visa_letters(accreditation_request_id);

-- +goose Down
DROP TABLE visa_letters;

-- +goose Up
-- Visa support letters (docs/domain.md, Exports): the one-page PDF the
-- secretariat generated for a delegate, kept with the accreditation request
-- so that the secretariat and the organisation can download it again. Each
-- generation is a row of its own; the latest is the letter.
--
-- The letter prints the passport number in clear, which the delegates
-- table never holds: the PDF is therefore sealed with AES-256-GCM under a
-- key derived from the server secret (internal/report), and erased
-- together with the passport numbers once the conference's retention
-- period has run (pdf_sealed NULL, purged_at set).
CREATE TABLE visa_letters (
    id                       uuid PRIMARY KEY,
    delegate_id              uuid NOT NULL REFERENCES delegates(id),
    accreditation_request_id uuid NOT NULL REFERENCES accreditation_requests(id),
    locale                   text NOT NULL CHECK (locale IN ('ar', 'en', 'fr', 'es')),
    pdf_sealed               bytea,
    size                     integer NOT NULL CHECK (size > 0),
    sha256                   text NOT NULL CHECK (length(sha256) = 64),
    created_by               uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at               timestamptz NOT NULL,
    purged_at                timestamptz,
    CHECK ((pdf_sealed IS NULL) = (purged_at IS NOT NULL))
);
CREATE INDEX visa_letters_delegate_idx ON visa_letters(delegate_id, created_at);
CREATE INDEX visa_letters_request_idx ON visa_letters(accreditation_request_id);

-- +goose Down
DROP TABLE visa_letters;

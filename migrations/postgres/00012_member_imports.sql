-- +goose Up
-- Imported member lists (docs/domain.md, Importing an existing member
-- list): each upload is previewed, then applied or discarded. The preview
-- is kept as computed, so the page that shows it and the apply that
-- follows speak of the same rows; the file itself is kept apart, with its
-- hash, so that every imported member's history names the exact file.
CREATE TABLE member_imports (
    id            uuid PRIMARY KEY,
    state         text NOT NULL CHECK (state IN ('previewed', 'applied', 'discarded')),
    version       integer NOT NULL DEFAULT 1,
    filename      text NOT NULL CHECK (filename <> ''),
    format        text NOT NULL CHECK (format IN ('csv', 'xlsx')),
    encoding      text NOT NULL DEFAULT '',
    size          bigint NOT NULL CHECK (size > 0),
    sha256        text NOT NULL CHECK (length(sha256) = 64),
    row_count     integer NOT NULL,
    valid_count   integer NOT NULL,
    preview       jsonb NOT NULL,
    created_count integer NOT NULL DEFAULT 0,
    skipped_count integer NOT NULL DEFAULT 0,
    uploaded_by   uuid REFERENCES users(id) ON DELETE SET NULL,
    applied_at    timestamptz,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX member_imports_created_idx ON member_imports(created_at, id);

-- The uploaded bytes, read only when someone downloads the file again.
CREATE TABLE member_import_files (
    import_id uuid PRIMARY KEY REFERENCES member_imports(id),
    data      bytea NOT NULL
);

-- +goose Down
DROP TABLE member_import_files;
DROP TABLE member_imports;

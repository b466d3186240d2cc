-- +goose Up
-- Imported member lists, previewed then applied or discarded, and the
-- uploaded files. See the PostgreSQL file for the why.
CREATE TABLE member_imports (
    id            TEXT PRIMARY KEY,
    state         TEXT NOT NULL CHECK (state IN ('previewed', 'applied', 'discarded')),
    version       INTEGER NOT NULL DEFAULT 1,
    filename      TEXT NOT NULL CHECK (filename <> ''),
    format        TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
    encoding      TEXT NOT NULL DEFAULT '',
    size          INTEGER NOT NULL CHECK (size > 0),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    row_count     INTEGER NOT NULL,
    valid_count   INTEGER NOT NULL,
    preview       TEXT NOT NULL,
    created_count INTEGER NOT NULL DEFAULT 0,
    skipped_count INTEGER NOT NULL DEFAULT 0,
    uploaded_by   TEXT REFERENCES users(id) ON DELETE SET NULL,
    applied_at    DATETIME,
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL
);
CREATE INDEX member_imports_created_idx ON member_imports(created_at, id);

CREATE TABLE member_import_files (
    import_id TEXT PRIMARY KEY REFERENCES member_imports(id),
    data      BLOB NOT NULL
);

-- +goose Down
DROP TABLE member_import_files;
DROP TABLE member_imports;

-- +goose Up
-- Coalition regions (not UN regional groups) and the ISO 3166-1 countries
-- that map to them; loaded by `accord seed` from seeds/.
CREATE TABLE regions (
    code    TEXT PRIMARY KEY,
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_es TEXT NOT NULL
);

CREATE TABLE countries (
    code    TEXT PRIMARY KEY CHECK (length(code) = 2),
    region  TEXT NOT NULL REFERENCES regions(code),
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_es TEXT NOT NULL
);
CREATE INDEX countries_region_idx ON countries(region);

-- +goose Down
DROP TABLE countries;
DROP TABLE regions;

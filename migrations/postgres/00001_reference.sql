-- +goose Up
-- Coalition regions (not UN regional groups) and the ISO 3166-1 countries
-- that map to them; loaded by `accord seed` from seeds/.
CREATE TABLE regions (
    code    text PRIMARY KEY,
    name_ar text NOT NULL,
    name_en text NOT NULL,
    name_fr text NOT NULL,
    name_es text NOT NULL
);

CREATE TABLE countries (
    code    text PRIMARY KEY CHECK (length(code) = 2),
    region  text NOT NULL REFERENCES regions(code),
    name_ar text NOT NULL,
    name_en text NOT NULL,
    name_fr text NOT NULL,
    name_es text NOT NULL
);
CREATE INDEX countries_region_idx ON countries(region);

-- +goose Down
DROP TABLE countries;
DROP TABLE regions;

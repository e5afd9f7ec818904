-- Column mappings the seller saved for generic files, found again by the file's
-- header (the header names joined with U+001F).
CREATE TABLE mapping_presets (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    header_key TEXT NOT NULL,
    mapping    TEXT NOT NULL, -- JSON ColumnMapping
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX mapping_presets_by_header ON mapping_presets (header_key);

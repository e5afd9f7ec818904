-- The user's own labels for customers (老客, 爱喝绿茶, 团购群…).
CREATE TABLE tags (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    color      TEXT,
    created_at TEXT NOT NULL
) STRICT;


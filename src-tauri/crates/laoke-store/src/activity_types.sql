-- The shop's activity types (laoke_core::dto::ActivityType as JSON): its own,
-- and its edits of the built-in ones (keyed alike; deleting the row restores
-- the built-in type).
CREATE TABLE activity_types (
    key        TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

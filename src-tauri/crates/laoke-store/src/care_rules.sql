-- Care rules (laoke_core::dto::CareRule as JSON in `body`, without its id).
-- `revision` grows with every edit: the messages a rule planned before an edit
-- that have not gone out are planned again.
CREATE TABLE care_rules (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    body       TEXT NOT NULL,
    enabled    INTEGER NOT NULL DEFAULT 1,
    revision   INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- One row per import (or demo fill): where the rows came from and the report
-- the user saw. Orders remember the batch that last wrote them.
CREATE TABLE import_batches (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL CHECK (source IN ('file', 'demo')),
    file_name   TEXT,
    file_hash   TEXT,
    format      TEXT,
    encoding    TEXT,
    status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    report      TEXT -- JSON
) STRICT;


-- Fan-group activities (laoke_core::dto::Activity as JSON in `body`, without its
-- id). `date` is the activity's local day, copied out of the body so that the
-- planner reads a span of days by index. `results` (laoke_core::dto::ActivityResults
-- as JSON) is NULL until the seller enters the counts; the orders and revenue in it
-- are counted from the archive then, and again each time the results are saved.
CREATE TABLE activities (
    id           INTEGER PRIMARY KEY,
    date         TEXT NOT NULL,
    body         TEXT NOT NULL,
    results      TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX activities_by_date ON activities (date);

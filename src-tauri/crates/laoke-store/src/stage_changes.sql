-- Every stage change with its date, so care rules can react to "became sleeping".
-- from_stage is NULL the first time a customer is staged.
CREATE TABLE stage_changes (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    from_stage  TEXT,
    to_stage    TEXT NOT NULL,
    changed_on  TEXT NOT NULL    -- YYYY-MM-DD, shop time zone
) STRICT;
CREATE INDEX stage_changes_by_customer ON stage_changes (customer_id, changed_on);
CREATE INDEX stage_changes_by_day ON stage_changes (changed_on, to_stage);


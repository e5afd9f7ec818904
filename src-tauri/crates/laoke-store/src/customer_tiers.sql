-- Each customer's membership tier (by name, as in the saved ladder), since when,
-- whether the seller pinned it by hand, and the day a pending downgrade takes
-- effect (downgrades wait for the review period and its grace days).
CREATE TABLE customer_tiers (
    customer_id   INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    tier          TEXT NOT NULL,
    since         TEXT NOT NULL,
    pinned        INTEGER NOT NULL DEFAULT 0,
    downgrade_due TEXT
) STRICT;

-- Every tier change: customer, from (NULL: no tier), to (NULL: no tier), when, why.
CREATE TABLE tier_changes (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    from_tier   TEXT,
    to_tier     TEXT,
    changed_on  TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('purchase', 'review', 'manual', 'ladder'))
) STRICT;
CREATE INDEX tier_changes_by_customer ON tier_changes (customer_id, id);
CREATE INDEX tier_changes_by_day ON tier_changes (changed_on);


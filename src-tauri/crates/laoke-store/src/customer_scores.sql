-- What the archive rules derived for each customer on the day they last ran:
-- lifecycle stage (since when) and RFM scores 1-5. A narrow table of its own,
-- so that recomputing 300,000 customers rewrites a few megabytes, not the
-- wide customer rows.
CREATE TABLE customer_scores (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    stage       TEXT NOT NULL CHECK (stage IN ('potential', 'new', 'active', 'loyal', 'sleeping', 'churned')),
    stage_since TEXT NOT NULL,   -- YYYY-MM-DD, shop time zone
    rfm_r       INTEGER,         -- NULL for customers without a purchase
    rfm_f       INTEGER,
    rfm_m       INTEGER
) STRICT;


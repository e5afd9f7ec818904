-- What the prediction models (BG/NBD and Gamma-Gamma, laoke_core::predict)
-- expected of each buyer on the day the archive rules last ran: the list's
-- p_alive, expected_90d and clv columns and filter fields. Decimal text, as
-- every stored figure; a narrow table like customer_scores, rewritten only
-- where a figure moved.
CREATE TABLE customer_forecasts (
    customer_id  INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    p_alive      TEXT NOT NULL,   -- 0-1, 4 places
    expected_90d TEXT NOT NULL,   -- purchases, 4 places
    clv          TEXT NOT NULL    -- money, 2 places
) STRICT;

-- Where a plan's recorded results came from: entered by hand, or the
-- redemptions matched in the imported orders, taken over as the results.
ALTER TABLE coupon_plans ADD COLUMN results_source TEXT NOT NULL DEFAULT 'hand'
    CHECK (results_source = 'hand' OR results_source = 'orders');

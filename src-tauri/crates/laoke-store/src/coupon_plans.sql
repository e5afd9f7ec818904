-- Coupon plans (laoke_core::dto::CouponPlan as JSON in `body`, without its id).
-- `redeemed` and `handed_out` are the results, NULL until the seller enters
-- them; later estimates of the same `kind` learn their redemption rate from them.
CREATE TABLE coupon_plans (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    body       TEXT NOT NULL,
    redeemed   INTEGER,
    handed_out INTEGER,
    results_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Migration 10: the coupon an order used, when its export says. `coupon_code`:
-- the code(s) as written (several joined by ", "); `discount`: the shop's own
-- discount on the order (Decimal), NULL where the export has no such column.
-- Coupon plans match their redemptions against them (`coupon_plans`).
ALTER TABLE orders ADD COLUMN coupon_code TEXT;
ALTER TABLE orders ADD COLUMN discount TEXT;

-- Migration 6: several shops on one platform. `named` is 0 while the name is
-- Laoke's default for the platform (the first export naming its shop names it);
-- `count_cod` says whether shipped cash-on-delivery orders that the export does
-- not show as paid count as purchases (off for sellers who mark them paid).
ALTER TABLE shops ADD COLUMN named INTEGER NOT NULL DEFAULT 1;
ALTER TABLE shops ADD COLUMN count_cod INTEGER NOT NULL DEFAULT 1;

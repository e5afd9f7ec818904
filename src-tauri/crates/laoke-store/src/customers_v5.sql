-- Migration 5: the customer list sorts and filters in memory (the `Roster`), so
-- the indexes that served its SQL sorting are read by no query; every import and
-- every change of a customer's totals still had to keep them up to date.
DROP INDEX IF EXISTS customers_by_value;
DROP INDEX IF EXISTS customers_by_purchases;
DROP INDEX IF EXISTS customers_by_first_purchase;
DROP INDEX IF EXISTS customers_by_last_purchase;
DROP INDEX IF EXISTS customers_by_nick;

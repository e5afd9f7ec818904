-- Which profile fields the seller edited (bits: name 1, phone 2, email 4,
-- province 8, city 16, address 32): imports never fill or change those again.
ALTER TABLE customers ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;


-- Customers the seller merged (the same person on several platforms): the merged
-- row keeps its identity and orders and points at the kept one (customers.merged_into);
-- this table remembers each merge so it can be undone.
CREATE TABLE customer_merges (
    id        INTEGER PRIMARY KEY,
    target_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    merged_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    merged_at TEXT NOT NULL,
    undone_at TEXT
) STRICT;
CREATE INDEX customer_merges_by_target ON customer_merges (target_id);
CREATE INDEX customers_by_merged_into ON customers (merged_into) WHERE merged_into IS NOT NULL;


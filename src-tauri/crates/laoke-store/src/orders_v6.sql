-- Migration 6: an order is a shop's order number, not a platform's (every
-- Shopify store starts at #1001), so the unique key becomes (shop_id, order_no)
-- and every order has a shop. `cod` marks a cash-on-delivery order whose
-- payment the export does not confirm. SQLite cannot change a table's UNIQUE
-- constraint: the table is rebuilt (ids kept, so lines keep their order) with
-- foreign keys off, as SQLite's documentation prescribes.
CREATE TABLE orders_v6 (
    id            INTEGER PRIMARY KEY,
    platform      TEXT NOT NULL,
    order_no      TEXT NOT NULL,
    shop_id       INTEGER NOT NULL REFERENCES shops (id),
    customer_id   INTEGER REFERENCES customers (id),  -- NULL: the export had no usable buyer identity
    status        TEXT NOT NULL CHECK (status = 'unpaid' OR status = 'paid' OR status = 'shipped' OR status = 'completed' OR status = 'closed' OR status = 'refunded'),
    created_at    TEXT NOT NULL,
    paid_at       TEXT,
    shipped_at    TEXT,
    completed_at  TEXT,
    amount_paid   TEXT NOT NULL,            -- Decimal
    refund        TEXT NOT NULL DEFAULT '0', -- Decimal
    value         TEXT NOT NULL,            -- Decimal
    kind          TEXT NOT NULL CHECK (kind = 'purchase' OR kind = 'refund_document' OR kind = 'other'),
    cod           INTEGER NOT NULL DEFAULT 0,
    receiver_name TEXT,
    phone         TEXT,
    address       TEXT,
    buyer_message TEXT,
    seller_note   TEXT,
    batch_id      INTEGER REFERENCES import_batches (id),
    updated_at    TEXT NOT NULL,
    UNIQUE (shop_id, order_no)
) STRICT;
INSERT INTO orders_v6 (id, platform, order_no, shop_id, customer_id, status, created_at, paid_at, shipped_at,
    completed_at, amount_paid, refund, value, kind, receiver_name, phone, address, buyer_message, seller_note,
    batch_id, updated_at)
SELECT id, platform, order_no, shop_id, customer_id, status, created_at, paid_at, shipped_at,
    completed_at, amount_paid, refund, value, kind, receiver_name, phone, address, buyer_message, seller_note,
    batch_id, updated_at
FROM orders ORDER BY id;
DROP TABLE orders;
ALTER TABLE orders_v6 RENAME TO orders;
CREATE INDEX orders_by_customer ON orders (customer_id, created_at);
CREATE INDEX orders_by_created ON orders (created_at);

-- Item-report lines wait for their order in a shop, like the orders they join.
CREATE TABLE pending_items_v6 (
    shop_id    INTEGER NOT NULL REFERENCES shops (id),
    order_no   TEXT NOT NULL,
    items      TEXT NOT NULL, -- JSON [{title, sku, category, quantity, unit_price}]
    batch_id   INTEGER REFERENCES import_batches (id),
    PRIMARY KEY (shop_id, order_no)
) STRICT, WITHOUT ROWID;
INSERT INTO pending_items_v6 (shop_id, order_no, items, batch_id)
SELECT s.id, p.order_no, p.items, p.batch_id FROM pending_items p JOIN shops s ON s.platform = p.platform;
DROP TABLE pending_items;
ALTER TABLE pending_items_v6 RENAME TO pending_items;

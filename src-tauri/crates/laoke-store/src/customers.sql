-- A customer is one buyer identity on one platform. The profile columns are
-- what exports and the user say about the buyer; the derived columns
-- (orders_count … last_purchase_at) are refolded from orders by the store after
-- every write, so lists can sort and filter on them with an index.
CREATE TABLE customers (
    id                INTEGER PRIMARY KEY,
    platform          TEXT NOT NULL,
    buyer_id          TEXT NOT NULL,
    shop_id           INTEGER REFERENCES shops (id),
    nick              TEXT NOT NULL,
    name              TEXT,
    phone             TEXT,
    email             TEXT,
    wechat            TEXT,
    province          TEXT,
    city              TEXT,
    address           TEXT,
    birthday          TEXT,    -- YYYY-MM-DD; month/day of the lunar calendar when birthday_lunar
    birthday_lunar    INTEGER NOT NULL DEFAULT 0,
    gender            TEXT CHECK (gender IN ('f', 'm')),
    hobbies           TEXT,
    dnd               INTEGER NOT NULL DEFAULT 0,
    merged_into       INTEGER REFERENCES customers (id),
    orders_count      INTEGER NOT NULL DEFAULT 0,
    purchases         INTEGER NOT NULL DEFAULT 0,
    value             TEXT NOT NULL DEFAULT '0',   -- Decimal
    refunds           TEXT NOT NULL DEFAULT '0',   -- Decimal
    first_order_at    TEXT,
    last_order_at     TEXT,
    first_purchase_at TEXT,
    last_purchase_at  TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    UNIQUE (platform, buyer_id)
) STRICT;
-- Sorting by money uses the REAL value only for order; sums stay Decimal in Rust.
CREATE INDEX customers_by_value ON customers (CAST(value AS REAL));
CREATE INDEX customers_by_purchases ON customers (purchases);
CREATE INDEX customers_by_first_purchase ON customers (first_purchase_at);
CREATE INDEX customers_by_last_purchase ON customers (last_purchase_at);
CREATE INDEX customers_by_nick ON customers (nick);


-- One order per platform order number. value = amount_paid - refund and kind
-- (purchase / refund_document / other) are derived by laoke-core when the order
-- is written, so counts and filters need no Decimal arithmetic in SQL.
CREATE TABLE orders (
    id            INTEGER PRIMARY KEY,
    platform      TEXT NOT NULL,
    order_no      TEXT NOT NULL,
    shop_id       INTEGER REFERENCES shops (id),
    customer_id   INTEGER REFERENCES customers (id),  -- NULL: the export had no usable buyer identity
    status        TEXT NOT NULL CHECK (status IN ('unpaid', 'paid', 'shipped', 'completed', 'closed', 'refunded')),
    created_at    TEXT NOT NULL,
    paid_at       TEXT,
    shipped_at    TEXT,
    completed_at  TEXT,
    amount_paid   TEXT NOT NULL,            -- Decimal
    refund        TEXT NOT NULL DEFAULT '0', -- Decimal
    value         TEXT NOT NULL,            -- Decimal
    kind          TEXT NOT NULL CHECK (kind IN ('purchase', 'refund_document', 'other')),
    receiver_name TEXT,
    phone         TEXT,
    address       TEXT,
    buyer_message TEXT,
    seller_note   TEXT,
    batch_id      INTEGER REFERENCES import_batches (id),
    updated_at    TEXT NOT NULL,
    UNIQUE (platform, order_no)
) STRICT;
CREATE INDEX orders_by_customer ON orders (customer_id, created_at);
CREATE INDEX orders_by_created ON orders (created_at);


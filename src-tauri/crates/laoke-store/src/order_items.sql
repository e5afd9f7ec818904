-- Line items of an order, stored in order-then-line order (WITHOUT ROWID: one
-- B-tree, and an order's lines sit together). sub_order_no is the platform's
-- line id (Taobao 子订单编号) when the export has one.
CREATE TABLE order_items (
    order_id     INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no      INTEGER NOT NULL,
    sub_order_no TEXT,
    title        TEXT NOT NULL,
    sku          TEXT,
    category     TEXT,
    attributes   TEXT,
    quantity     INTEGER NOT NULL,
    unit_price   TEXT,           -- Decimal; NULL when the export does not say
    PRIMARY KEY (order_id, line_no)
) STRICT, WITHOUT ROWID;


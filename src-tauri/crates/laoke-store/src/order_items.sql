-- Line items of an order. sub_order_no is the platform's line id (Taobao 子订单编号)
-- when the export has one, so an item report can be joined in either import order.
CREATE TABLE order_items (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no      INTEGER NOT NULL,
    sub_order_no TEXT,
    title        TEXT NOT NULL,
    sku          TEXT,
    category     TEXT,
    attributes   TEXT,
    quantity     INTEGER NOT NULL,
    unit_price   TEXT,           -- Decimal; NULL when the export does not say
    UNIQUE (order_id, line_no)
) STRICT;


-- Lines from an item report (Taobao 宝贝报表) whose order report has not been
-- imported yet; they are attached when the order arrives.
CREATE TABLE pending_items (
    platform   TEXT NOT NULL,
    order_no   TEXT NOT NULL,
    items      TEXT NOT NULL, -- JSON [{title, sku, category, quantity, unit_price}]
    batch_id   INTEGER REFERENCES import_batches (id),
    PRIMARY KEY (platform, order_no)
) STRICT, WITHOUT ROWID;

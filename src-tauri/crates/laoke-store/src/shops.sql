-- A shop is one storefront on one platform (a seller may run a Taobao shop and
-- a Shopify store side by side). Orders and customers point at the shop they came from.
CREATE TABLE shops (
    id         INTEGER PRIMARY KEY,
    platform   TEXT NOT NULL,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (platform, name)
) STRICT;


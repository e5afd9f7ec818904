-- Shop-wide settings as JSON values by key (shop.timezone, shop.name, …).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

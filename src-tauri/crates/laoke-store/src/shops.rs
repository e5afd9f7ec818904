//! The `shops` table: one row per storefront.

use crate::Result;
use laoke_core::Platform;
use rusqlite::{params, Connection, OptionalExtension};

/// The id of the shop `name` on `platform`, created on first use.
pub(crate) fn ensure(conn: &Connection, platform: Platform, name: &str, now: &str) -> Result<i64> {
    let found = conn
        .query_row("SELECT id FROM shops WHERE platform = ?1 AND name = ?2", params![platform.as_str(), name], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO shops (platform, name, created_at) VALUES (?1, ?2, ?3)",
        params![platform.as_str(), name, now],
    )?;
    Ok(conn.last_insert_rowid())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn ensure_is_idempotent_per_platform_and_name() {
        let store = Store::open_in_memory().unwrap();
        let a = ensure(&store.conn, Platform::Taobao, "茶铺", "2026-01-01T00:00:00Z").unwrap();
        let b = ensure(&store.conn, Platform::Taobao, "茶铺", "2026-02-01T00:00:00Z").unwrap();
        let c = ensure(&store.conn, Platform::Shopify, "茶铺", "2026-02-01T00:00:00Z").unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}

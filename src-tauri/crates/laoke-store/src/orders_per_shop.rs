//! Migration 6: orders are unique per shop and order number instead of per
//! platform, so a seller's several shops on one platform (three Shopify stores
//! that all start at `#1001`) keep their orders apart.
//!
//! Until now every order of a platform went to one shop (named "" by imports,
//! or the demo shop's name), and the unique key was the platform's. The
//! migration gives every platform exactly one default shop — the one holding
//! most of its orders, named by Laoke's default for the platform if it had no
//! name — moves the platform's orders, customers and waiting item lines there,
//! and rebuilds `orders` and `pending_items` with the new keys (`orders_v6.sql`).
//! The rebuild needs foreign keys off (the store opens the archive that way while
//! migrating); `foreign_key_check` then proves every reference still holds.

use laoke_core::Platform;
use rusqlite::{params, OptionalExtension, Transaction};

/// The migration hook (see the module documentation).
pub(crate) fn migrate(tx: &Transaction) -> rusqlite_migration::HookResult {
    tx.execute_batch(include_str!("shops_v6.sql"))?;
    let mut platforms = tx.prepare(
        "SELECT platform FROM shops UNION SELECT platform FROM orders
         UNION SELECT platform FROM customers UNION SELECT platform FROM pending_items",
    )?;
    let platforms: Vec<String> = platforms.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    for platform in platforms {
        let (default, unnamed) = default_shop(tx, &platform)?;
        tx.execute(
            "UPDATE orders SET shop_id = ?2 WHERE platform = ?1 AND shop_id IS NOT ?2",
            params![platform, default],
        )?;
        tx.execute(
            "UPDATE customers SET shop_id = ?2 WHERE platform = ?1 AND shop_id IS NOT ?2",
            params![platform, default],
        )?;
        tx.execute("DELETE FROM shops WHERE platform = ?1 AND id != ?2", params![platform, default])?;
        if unnamed {
            let name = platform.parse::<Platform>().map_or("Other shop", laoke_core::shop::default_name);
            tx.execute("UPDATE shops SET name = ?2, named = 0 WHERE id = ?1", params![default, name])?;
        }
    }
    tx.execute_batch(include_str!("orders_v6.sql"))?;
    Ok(())
}

/// The shop a platform's orders move to: the one with most orders (the oldest of
/// equals), else a new one; and whether it lacks a name. A shop without a name
/// gets the platform's default name and stays unnamed, so that the first export
/// naming its shop names it.
fn default_shop(tx: &Transaction, platform: &str) -> rusqlite::Result<(i64, bool)> {
    let found: Option<(i64, String)> = tx
        .query_row(
            "SELECT s.id, s.name FROM shops s LEFT JOIN orders o ON o.shop_id = s.id
             WHERE s.platform = ?1 GROUP BY s.id ORDER BY count(o.id) DESC, s.id LIMIT 1",
            [platform],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((id, name)) = found {
        return Ok((id, name.trim().is_empty()));
    }
    // Archives of schema 1 to 3 could hold orders without a shop. The new shop is
    // dated by the first thing Laoke wrote of the platform, not by the clock.
    tx.execute(
        "INSERT INTO shops (platform, name, created_at) VALUES (?1, '', coalesce(
             (SELECT min(updated_at) FROM orders WHERE platform = ?1),
             (SELECT min(created_at) FROM customers WHERE platform = ?1), '1970-01-01T00:00:00Z'))",
        [platform],
    )?;
    Ok((tx.last_insert_rowid(), true))
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::Store;
    use rusqlite_migration::Migrations;

    /// An archive of schema 5 as the last release wrote it: Taobao orders in the
    /// import shop ("") and in the demo shop, a Shopify order, lines, an item
    /// report's lines waiting, and a Taobao order number that only one shop has.
    pub(crate) fn archive_of_schema_5(path: &std::path::Path) {
        let mut c = rusqlite::Connection::open(path).unwrap();
        Migrations::new(crate::schema::steps().into_iter().take(5).collect()).to_latest(&mut c).unwrap();
        c.execute_batch(
            "INSERT INTO shops (id, platform, name, created_at) VALUES
                 (1, 'taobao', '', '2026-01-01T00:00:00Z'), (2, 'taobao', '老客茶铺 Demo Tea House', '2026-01-02T00:00:00Z'),
                 (3, 'shopify', '', '2026-01-03T00:00:00Z');
             INSERT INTO customers (id, platform, buyer_id, shop_id, nick, created_at, updated_at) VALUES
                 (1, 'taobao', 'tb_a', 1, 'tb_a', 't', 't'), (2, 'taobao', 'tb_b', 2, 'tb_b', 't', 't'),
                 (3, 'shopify', 'x@example.com', 3, 'X', 't', 't');
             INSERT INTO orders (id, platform, order_no, shop_id, customer_id, status, created_at, amount_paid, value, kind, updated_at) VALUES
                 (10, 'taobao', '42', 1, 1, 'completed', '2025-01-01T00:00:00Z', '9.90', '9.90', 'purchase', 't'),
                 (11, 'taobao', '43', 1, 1, 'paid', '2025-01-02T00:00:00Z', '5.00', '5.00', 'purchase', 't'),
                 (12, 'taobao', '44', 2, 2, 'unpaid', '2025-01-03T00:00:00Z', '0', '0', 'other', 't'),
                 (13, 'shopify', '#1001', 3, 3, 'completed', '2025-01-04T00:00:00Z', '20.00', '20.00', 'purchase', 't');
             INSERT INTO order_items (order_id, line_no, title, quantity) VALUES (10, 1, '龙井', 1), (10, 2, '白茶', 2), (13, 1, 'Mug', 1);
             INSERT INTO pending_items (platform, order_no, items) VALUES ('taobao', '45', '[]');",
        )
        .unwrap();
    }

    #[test]
    fn an_archive_of_schema_5_gets_one_shop_per_platform_and_keeps_everything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v5.db");
        archive_of_schema_5(&path);
        let store = Store::open(&path).unwrap();
        let c = &store.conn;
        let version: u32 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, crate::SCHEMA_VERSION);
        // The Taobao shop holding most orders keeps them all, named as Laoke names a shop nobody named.
        let shops = store.shops().unwrap();
        let summary: Vec<(&str, &str, bool, u32)> =
            shops.iter().map(|s| (s.platform.as_str(), s.name.as_str(), s.named, s.orders)).collect();
        assert_eq!(summary, [("shopify", "Shopify store", false, 1), ("taobao", "淘宝店", false, 3)]);
        let taobao = shops.iter().find(|s| s.name == "淘宝店").unwrap();
        assert_eq!(taobao.id, 1);
        assert!(taobao.count_cod, "shops count cash on delivery unless told otherwise");
        // Orders keep their ids and lines (the rebuild must not cascade into order_items).
        let lines: i64 = c.query_row("SELECT count(*) FROM order_items", [], |r| r.get(0)).unwrap();
        assert_eq!(lines, 3);
        let order = store.order(taobao.id, "42").unwrap().unwrap();
        assert_eq!((order.items.len(), order.buyer_id.as_deref(), order.cod), (2, Some("tb_a"), false));
        let moved: (i64, i64) = c
            .query_row(
                "SELECT o.shop_id, c.shop_id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = 12",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(moved, (1, 1), "the demo shop's order and customer moved to the default shop");
        let pending: i64 =
            c.query_row("SELECT shop_id FROM pending_items WHERE order_no = '45'", [], |r| r.get(0)).unwrap();
        assert_eq!(pending, 1);
        // Unique per shop now: another Taobao shop may hold order 42 too.
        c.execute("INSERT INTO shops (id, platform, name, created_at) VALUES (9, 'taobao', '天猫店', 't')", [])
            .unwrap();
        let insert = |shop: i64| {
            c.execute(
                "INSERT INTO orders (platform, order_no, shop_id, status, created_at, amount_paid, value, kind, updated_at)
                 VALUES ('taobao', '42', ?1, 'paid', 't', '1', '1', 'purchase', 't')",
                [shop],
            )
        };
        assert!(insert(9).is_ok());
        assert!(insert(1).is_err(), "but one shop holds one order 42");
        let fk: Vec<String> = c
            .prepare("PRAGMA foreign_key_check")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(fk.is_empty(), "{fk:?}");
        let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(ok, "ok");
        let fk_on: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!(fk_on, 1, "foreign keys are back on after migrating");
    }
}

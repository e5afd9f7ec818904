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

//! The `order_items` table: the lines of an order.

use crate::Result;
use laoke_core::archive::ItemRecord;
use rusqlite::{params, Connection};
use std::str::FromStr;

/// Writes the lines of a freshly inserted order, numbered from 1.
pub(crate) fn insert_all(conn: &Connection, order_id: i64, items: &[ItemRecord]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO order_items (order_id, line_no, title, sku, category, quantity, unit_price)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, item) in items.iter().enumerate() {
        stmt.execute(params![
            order_id,
            i as i64 + 1,
            item.title,
            item.sku,
            item.category,
            item.quantity,
            item.unit_price.map(|p| p.to_string())
        ])?;
    }
    Ok(())
}

/// The lines of an order as stored.
pub(crate) fn load(conn: &Connection, order_id: i64) -> Result<Vec<ItemRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT title, sku, category, quantity, unit_price FROM order_items WHERE order_id = ?1 ORDER BY line_no",
    )?;
    let rows = stmt.query_map([order_id], |r| {
        let price: Option<String> = r.get(4)?;
        Ok(ItemRecord {
            title: r.get(0)?,
            sku: r.get(1)?,
            category: r.get(2)?,
            quantity: r.get(3)?,
            unit_price: price.and_then(|p| rust_decimal::Decimal::from_str(&p).ok()),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces the lines of an order.
pub(crate) fn replace(conn: &Connection, order_id: i64, items: &[ItemRecord]) -> Result<()> {
    conn.prepare_cached("DELETE FROM order_items WHERE order_id = ?1")?.execute([order_id])?;
    insert_all(conn, order_id, items)
}

//! The `order_items` table: the lines of an order.

use crate::Result;
use laoke_core::archive::ItemRecord;
use rusqlite::{params, Connection};

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

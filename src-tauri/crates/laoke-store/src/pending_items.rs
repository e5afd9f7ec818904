//! The `pending_items` table: item-report lines waiting for their order in a
//! shop, so an item report and an order report give the same archive in either
//! order.

use crate::Result;
use laoke_core::archive::ItemRecord;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Stored {
    title: String,
    sku: Option<String>,
    category: Option<String>,
    quantity: i64,
    unit_price: Option<String>,
}

pub(crate) fn put(conn: &Connection, shop_id: i64, order_no: &str, items: &[ItemRecord], batch: i64) -> Result<()> {
    let stored: Vec<Stored> = items
        .iter()
        .map(|i| Stored {
            title: i.title.clone(),
            sku: i.sku.clone(),
            category: i.category.clone(),
            quantity: i.quantity,
            unit_price: i.unit_price.map(|p| p.to_string()),
        })
        .collect();
    conn.prepare_cached(
        "INSERT INTO pending_items (shop_id, order_no, items, batch_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (shop_id, order_no) DO UPDATE SET items = excluded.items, batch_id = excluded.batch_id",
    )?
    .execute(params![shop_id, order_no, serde_json::to_string(&stored).unwrap_or_default(), batch])?;
    Ok(())
}

/// Whether any lines wait for orders of this shop.
pub(crate) fn any(conn: &Connection, shop_id: i64) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM pending_items WHERE shop_id = ?1)", [shop_id], |r| r.get(0))?)
}

/// Takes (and removes) the waiting lines of an order.
pub(crate) fn take(conn: &Connection, shop_id: i64, order_no: &str) -> Result<Option<Vec<ItemRecord>>> {
    let json: Option<String> = conn
        .prepare_cached("DELETE FROM pending_items WHERE shop_id = ?1 AND order_no = ?2 RETURNING items")?
        .query_row(params![shop_id, order_no], |r| r.get(0))
        .optional()?;
    Ok(json.and_then(|j| serde_json::from_str::<Vec<Stored>>(&j).ok()).map(|v| {
        v.into_iter()
            .map(|s| ItemRecord {
                title: s.title,
                sku: s.sku,
                category: s.category,
                quantity: s.quantity,
                unit_price: s.unit_price.and_then(|p| p.parse().ok()),
            })
            .collect()
    }))
}

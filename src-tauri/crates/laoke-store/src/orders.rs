//! The `orders` table: one row per platform order, with its value and kind
//! derived by laoke-core at write time.

use crate::Result;
use laoke_core::archive::{OrderKind, OrderRecord};
use laoke_core::time::to_stored;
use laoke_core::Platform;
use rusqlite::{params, Connection};

pub(crate) fn kind_str(kind: OrderKind) -> &'static str {
    match kind {
        OrderKind::Purchase => "purchase",
        OrderKind::RefundDocument => "refund_document",
        OrderKind::Other => "other",
    }
}

/// Where an order came from and whom it belongs to.
pub(crate) struct OrderOrigin {
    pub platform: Platform,
    pub shop_id: i64,
    pub customer_id: Option<i64>,
    pub batch_id: i64,
}

/// Inserts a new order (its items are written by `order_items`).
pub(crate) fn insert(conn: &Connection, origin: &OrderOrigin, order: &OrderRecord, now: &str) -> Result<i64> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO orders (platform, order_no, shop_id, customer_id, status, created_at, paid_at,
             amount_paid, refund, value, kind, batch_id, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    stmt.execute(params![
        origin.platform.as_str(),
        order.order_no,
        origin.shop_id,
        origin.customer_id,
        order.status.as_str(),
        to_stored(order.created_at),
        order.paid_at.map(to_stored),
        order.amount_paid.to_string(),
        order.refund.to_string(),
        order.value().to_string(),
        kind_str(order.kind()),
        origin.batch_id,
        now,
    ])?;
    Ok(conn.last_insert_rowid())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_batches::{self, BatchSource};
    use crate::Store;
    use chrono::{TimeZone, Utc};
    use laoke_core::OrderStatus;
    use rust_decimal_macros::dec;

    #[test]
    fn value_and_kind_are_written_from_the_domain_rules() {
        let store = Store::open_in_memory().unwrap();
        let shop_id = crate::shops::ensure(&store.conn, Platform::Taobao, "s", "t").unwrap();
        let batch_id = import_batches::start(&store.conn, BatchSource::Demo, "t").unwrap();
        let origin = OrderOrigin { platform: Platform::Taobao, shop_id, customer_id: None, batch_id };
        let order = OrderRecord {
            order_no: "3141592653589793238".into(),
            status: OrderStatus::Completed,
            created_at: Utc.with_ymd_and_hms(2025, 11, 11, 0, 5, 0).unwrap(),
            paid_at: None,
            amount_paid: dec!(120.50),
            refund: dec!(20.50),
            items: vec![],
        };
        insert(&store.conn, &origin, &order, "t").unwrap();
        let row: (String, String, String) = store
            .conn
            .query_row("SELECT value, kind, created_at FROM orders", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        assert_eq!(row, ("100.00".into(), "purchase".into(), "2025-11-11T00:05:00Z".into()));
        assert!(insert(&store.conn, &origin, &order, "t").is_err(), "order numbers are unique per platform");
    }
}

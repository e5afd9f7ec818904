//! The `orders` table: one row per platform order, with its value and kind
//! derived by laoke-core at write time.

use crate::Result;
use laoke_core::archive::{OrderKind, OrderRecord};
use laoke_core::time::to_stored;
use laoke_core::Platform;
use rusqlite::{params, Connection, OptionalExtension};

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

/// An order's derived columns as the text they are stored as. An import
/// computes them on its reading thread, so the writing one (the bottleneck of
/// a large import) only binds them.
#[derive(Debug, Clone)]
pub(crate) struct OrderText {
    pub created_at: String,
    pub paid_at: Option<String>,
    pub amount_paid: String,
    pub refund: String,
    pub value: String,
    pub kind: &'static str,
}

impl OrderText {
    pub fn of(order: &OrderRecord) -> OrderText {
        OrderText {
            created_at: to_stored(order.created_at),
            paid_at: order.paid_at.map(to_stored),
            amount_paid: order.amount_paid.to_string(),
            refund: order.refund.to_string(),
            value: order.value().to_string(),
            kind: kind_str(order.kind()),
        }
    }
}

/// The stored facts of an order that an import compares with the file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoredOrder {
    pub id: i64,
    pub customer_id: Option<i64>,
    pub status: String,
    pub created_at: String,
    pub paid_at: Option<String>,
    pub amount_paid: String,
    pub refund: String,
}

impl StoredOrder {
    /// Whether the file says something different about this order.
    pub fn differs(&self, customer_id: Option<i64>, o: &OrderRecord, text: &OrderText) -> bool {
        let amount_differs =
            |stored: &str, new: rust_decimal::Decimal| stored.parse::<rust_decimal::Decimal>().ok() != Some(new);
        self.customer_id != customer_id
            || self.status != o.status.as_str()
            || self.created_at != text.created_at
            || self.paid_at != text.paid_at
            || amount_differs(&self.amount_paid, o.amount_paid)
            || amount_differs(&self.refund, o.refund)
    }
}

pub(crate) fn find(conn: &Connection, platform: Platform, order_no: &str) -> Result<Option<StoredOrder>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, customer_id, status, created_at, paid_at, amount_paid, refund FROM orders WHERE platform = ?1 AND order_no = ?2",
    )?;
    let found = stmt
        .query_row(params![platform.as_str(), order_no], |r| {
            Ok(StoredOrder {
                id: r.get(0)?,
                customer_id: r.get(1)?,
                status: r.get(2)?,
                created_at: r.get(3)?,
                paid_at: r.get(4)?,
                amount_paid: r.get(5)?,
                refund: r.get(6)?,
            })
        })
        .optional()?;
    Ok(found)
}

/// Rewrites what an export says about an existing order.
pub(crate) fn update(
    conn: &Connection,
    id: i64,
    origin: &OrderOrigin,
    order: &OrderRecord,
    text: &OrderText,
    now: &str,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "UPDATE orders SET customer_id = ?2, status = ?3, created_at = ?4, paid_at = ?5, amount_paid = ?6, refund = ?7,
             value = ?8, kind = ?9, batch_id = ?10, updated_at = ?11 WHERE id = ?1",
    )?;
    stmt.execute(params![
        id,
        origin.customer_id,
        order.status.as_str(),
        text.created_at,
        text.paid_at,
        text.amount_paid,
        text.refund,
        text.value,
        text.kind,
        origin.batch_id,
        now,
    ])?;
    Ok(())
}

/// Inserts the order unless its number is already in the archive (`None` then).
pub(crate) fn insert_new(
    conn: &Connection,
    origin: &OrderOrigin,
    order: &OrderRecord,
    text: &OrderText,
    now: &str,
) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO orders (platform, order_no, shop_id, customer_id, status, created_at, paid_at,
             amount_paid, refund, value, kind, batch_id, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (platform, order_no) DO NOTHING",
    )?;
    // Plain INSERT + changes(): cheaper per row than RETURNING, which SQLite materializes.
    let inserted = stmt.execute(params![
        origin.platform.as_str(),
        order.order_no,
        origin.shop_id,
        origin.customer_id,
        order.status.as_str(),
        text.created_at,
        text.paid_at,
        text.amount_paid,
        text.refund,
        text.value,
        text.kind,
        origin.batch_id,
        now,
    ])?;
    Ok((inserted == 1).then(|| conn.last_insert_rowid()))
}

/// Orders per INSERT statement in [`insert_batch`].
pub(crate) const BATCH: usize = 16;

/// One order of a batch: whom it belongs to, the order, its stored text.
pub(crate) type BatchRow<'a> = (Option<i64>, &'a OrderRecord, &'a OrderText);

/// Inserts up to [`BATCH`] orders of one platform, shop and import batch in one
/// statement, skipping those whose number is already stored (or repeated earlier
/// in `rows`). Returns, for each row, the new order's id, or `None` when it was
/// skipped (see the comment at the end for how the ids are known). One statement for many orders: running one per order spent most of
/// its time opening and closing the table and its indexes. `OR FAIL` for the
/// reason given at `order_items::insert_sql`: no statement journal.
pub(crate) fn insert_batch(
    conn: &Connection,
    platform: Platform,
    shop_id: i64,
    batch_id: i64,
    rows: &[BatchRow<'_>],
    now: &str,
) -> Result<Vec<Option<i64>>> {
    thread_local! {
        static SQL: Vec<String> = (0..=BATCH).map(batch_sql).collect();
    }
    let mut stmt = SQL.with(|sql| conn.prepare_cached(&sql[rows.len()]))?;
    for (i, (customer_id, order, text)) in rows.iter().enumerate() {
        let at = i * 9;
        stmt.raw_bind_parameter(at + 1, &order.order_no)?;
        stmt.raw_bind_parameter(at + 2, customer_id)?;
        stmt.raw_bind_parameter(at + 3, order.status.as_str())?;
        stmt.raw_bind_parameter(at + 4, &text.created_at)?;
        stmt.raw_bind_parameter(at + 5, &text.paid_at)?;
        stmt.raw_bind_parameter(at + 6, &text.amount_paid)?;
        stmt.raw_bind_parameter(at + 7, &text.refund)?;
        stmt.raw_bind_parameter(at + 8, &text.value)?;
        stmt.raw_bind_parameter(at + 9, text.kind)?;
    }
    let common = rows.len() * 9;
    stmt.raw_bind_parameter(common + 1, platform.as_str())?;
    stmt.raw_bind_parameter(common + 2, shop_id)?;
    stmt.raw_bind_parameter(common + 3, batch_id)?;
    stmt.raw_bind_parameter(common + 4, now)?;
    // Without RETURNING (which SQLite materializes into a temporary table): the
    // rows that went in took consecutive ids ending at the last one inserted, in
    // the order of `rows`. When all went in, that is the answer; otherwise each
    // number's stored id says whether this statement made it.
    let inserted = stmt.raw_execute()?;
    if inserted == 0 {
        return Ok(vec![None; rows.len()]);
    }
    let last = conn.last_insert_rowid();
    let first = last - inserted as i64 + 1;
    if inserted == rows.len() {
        return Ok((first..=last).map(Some).collect());
    }
    let mut find = conn.prepare_cached("SELECT id FROM orders WHERE platform = ?1 AND order_no = ?2")?;
    let mut seen = std::collections::HashSet::new();
    let mut ids = Vec::with_capacity(rows.len());
    for (_, order, _) in rows {
        let id: i64 = find.query_row(params![platform.as_str(), order.order_no], |r| r.get(0))?;
        // A number repeated in the batch went in once, as its first row.
        let new = id >= first && seen.insert(id);
        ids.push(new.then_some(id));
    }
    Ok(ids)
}

fn batch_sql(rows: usize) -> String {
    let common = rows * 9;
    let tuples: Vec<String> = (0..rows)
        .map(|r| {
            let p = |c: usize| format!("?{}", r * 9 + c);
            format!(
                "(?{pl}, {}, ?{sh}, {}, {}, {}, {}, {}, {}, {}, {}, ?{ba}, ?{now})",
                p(1),
                p(2),
                p(3),
                p(4),
                p(5),
                p(6),
                p(7),
                p(8),
                p(9),
                pl = common + 1,
                sh = common + 2,
                ba = common + 3,
                now = common + 4,
            )
        })
        .collect();
    format!(
        "INSERT OR FAIL INTO orders (platform, order_no, shop_id, customer_id, status, created_at, paid_at, amount_paid,
             refund, value, kind, batch_id, updated_at)
         VALUES {} ON CONFLICT (platform, order_no) DO NOTHING",
        tuples.join(", ")
    )
}

/// Inserts a new order (its items are written by `order_items`); its number must be new.
pub(crate) fn insert(conn: &Connection, origin: &OrderOrigin, order: &OrderRecord, now: &str) -> Result<i64> {
    insert_new(conn, origin, order, &OrderText::of(order), now)?.ok_or_else(|| crate::StoreError::Duplicate {
        table: "orders",
        key: format!("{} {}", origin.platform, order.order_no),
    })
}

impl crate::Store {
    /// An order with its lines, by platform and order number.
    pub fn order(&self, platform: Platform, order_no: &str) -> Result<Option<laoke_core::dto::OrderView>> {
        use crate::columns::{decimal, parsed};
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.id, o.status, o.created_at, o.paid_at, o.amount_paid, o.refund, o.value, o.kind, c.buyer_id
             FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE o.platform = ?1 AND o.order_no = ?2",
        )?;
        let mut rows = stmt.query(params![platform.as_str(), order_no])?;
        let Some(r) = rows.next()? else { return Ok(None) };
        let id: i64 = r.get(0)?;
        let items = crate::order_items::load(&self.conn, id)?
            .into_iter()
            .map(|i| laoke_core::dto::OrderLineView {
                title: i.title,
                sku: i.sku,
                quantity: i.quantity,
                unit_price: i.unit_price,
            })
            .collect();
        Ok(Some(laoke_core::dto::OrderView {
            platform,
            order_no: order_no.to_owned(),
            buyer_id: r.get(8)?,
            status: parsed(r, 1, "orders", "status")?,
            created_at: r.get(2)?,
            paid_at: r.get(3)?,
            amount_paid: decimal(r, 4, "orders", "amount_paid")?,
            refund: decimal(r, 5, "orders", "refund")?,
            value: decimal(r, 6, "orders", "value")?,
            purchase: r.get_ref(7)?.as_str()? == "purchase",
            items,
        }))
    }
}

/// What tests that store orders start from.
#[cfg(test)]
pub(crate) mod fixture {
    use super::OrderOrigin;
    use crate::import_batches::{self, BatchSource};
    use chrono::{TimeZone, Utc};
    use laoke_core::archive::OrderRecord;
    use laoke_core::{OrderStatus, Platform};
    use rusqlite::Connection;
    use rust_decimal::Decimal;

    /// A Taobao shop and an import batch in `conn`, as the origin of orders without a customer.
    pub(crate) fn taobao_origin(conn: &Connection) -> OrderOrigin {
        let shop_id = crate::shops::ensure(conn, Platform::Taobao, "s", "t").unwrap();
        let batch_id = import_batches::start(conn, BatchSource::Demo, "t").unwrap();
        OrderOrigin { platform: Platform::Taobao, shop_id, customer_id: None, batch_id }
    }

    /// A completed order numbered `no` that paid `paid`, on 2025-11-11 00:05 UTC, without lines.
    pub(crate) fn completed(no: &str, paid: Decimal) -> OrderRecord {
        OrderRecord {
            order_no: no.into(),
            status: OrderStatus::Completed,
            created_at: Utc.with_ymd_and_hms(2025, 11, 11, 0, 5, 0).unwrap(),
            paid_at: None,
            amount_paid: paid,
            refund: Decimal::ZERO,
            items: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::{completed, taobao_origin};
    use super::*;
    use crate::Store;
    use rust_decimal_macros::dec;

    #[test]
    fn value_and_kind_are_written_from_the_domain_rules() {
        let store = Store::open_in_memory().unwrap();
        let origin = taobao_origin(&store.conn);
        let order = OrderRecord { refund: dec!(20.50), ..completed("3141592653589793238", dec!(120.50)) };
        insert(&store.conn, &origin, &order, "t").unwrap();
        let row: (String, String, String) = store
            .conn
            .query_row("SELECT value, kind, created_at FROM orders", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        assert_eq!(row, ("100.00".into(), "purchase".into(), "2025-11-11T00:05:00Z".into()));
        assert!(insert(&store.conn, &origin, &order, "t").is_err(), "order numbers are unique per platform");
    }

    #[test]
    fn a_batch_skips_stored_and_repeated_numbers_and_says_which_went_in() {
        let store = Store::open_in_memory().unwrap();
        let origin = taobao_origin(&store.conn);
        let (shop_id, batch_id) = (origin.shop_id, origin.batch_id);
        let order = completed;
        let stored = insert(&store.conn, &origin, &order("A", dec!(1)), "t").unwrap();
        let orders = [order("B", dec!(2)), order("A", dec!(3)), order("C", dec!(4)), order("B", dec!(5))];
        let texts: Vec<OrderText> = orders.iter().map(OrderText::of).collect();
        let rows: Vec<BatchRow<'_>> = orders.iter().zip(&texts).map(|(o, t)| (None, o, t)).collect();
        let ids = insert_batch(&store.conn, Platform::Taobao, shop_id, batch_id, &rows, "t").unwrap();
        assert_eq!(ids.iter().map(Option::is_some).collect::<Vec<_>>(), vec![true, false, true, false]);
        let value = |id: i64| -> String {
            store.conn.query_row("SELECT value FROM orders WHERE id = ?1", [id], |r| r.get(0)).unwrap()
        };
        assert_eq!(value(ids[0].unwrap()), "2", "the first B went in");
        assert_eq!(value(ids[2].unwrap()), "4");
        assert_eq!(value(stored), "1", "the stored A is untouched");
        let n: i64 = store.conn.query_row("SELECT count(*) FROM orders", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 3);

        // All new: each id is its own order's (the ids are worked out, not read back).
        let orders = [order("D", dec!(6)), order("E", dec!(7)), order("F", dec!(8))];
        let texts: Vec<OrderText> = orders.iter().map(OrderText::of).collect();
        let rows: Vec<BatchRow<'_>> = orders.iter().zip(&texts).map(|(o, t)| (None, o, t)).collect();
        let ids = insert_batch(&store.conn, Platform::Taobao, shop_id, batch_id, &rows, "t").unwrap();
        let values: Vec<String> = ids.iter().map(|id| value(id.unwrap())).collect();
        assert_eq!(values, ["6", "7", "8"]);
        // None new: nothing to say.
        let ids = insert_batch(&store.conn, Platform::Taobao, shop_id, batch_id, &rows, "t").unwrap();
        assert_eq!(ids, vec![None; 3]);
    }
}

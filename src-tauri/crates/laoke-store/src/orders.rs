//! The `orders` table: one row per platform order, with its value and kind
//! derived by laoke-core at write time.

use crate::Result;
use laoke_core::archive::{OrderKind, OrderRecord};
use laoke_core::time::to_stored;
use laoke_core::Platform;
use rusqlite::{params, Connection};

pub(crate) fn kind_str(kind: OrderKind) -> &'static str {
    kind.into()
}

/// The kind stored in column `idx` of `row` (the inverse of [`kind_str`]).
pub(crate) fn kind_at(row: &rusqlite::Row<'_>, idx: usize) -> Result<OrderKind> {
    let text = row.get_ref(idx)?.as_str()?;
    text.parse().map_err(|_| crate::StoreError::Corrupt { table: "orders", column: "kind", value: text.to_owned() })
}

/// A purchase as an activity's or a coupon's results count it.
pub(crate) struct Purchase {
    /// Its customer's person (merged identities folded in).
    pub person: i64,
    pub value: rust_decimal::Decimal,
    pub amount_paid: rust_decimal::Decimal,
    pub coupon_code: Option<String>,
    pub discount: Option<rust_decimal::Decimal>,
}

/// The purchases created in `[from, to)` (stored instants) by a customer.
pub(crate) fn purchases_between(conn: &Connection, from: &str, to: &str) -> Result<Vec<Purchase>> {
    use crate::stored_values::{decimal, optional_decimal};
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {}, o.value, o.amount_paid, o.coupon_code, o.discount FROM orders o JOIN customers c ON c.id = o.customer_id
         WHERE o.created_at >= ?1 AND o.created_at < ?2 AND o.kind = 'purchase'",
        crate::persons::PERSON_OF_C
    ))?;
    let mut rows = stmt.query(params![from, to])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(Purchase {
            person: r.get(0)?,
            value: decimal(r, 1, "orders", "value")?,
            amount_paid: decimal(r, 2, "orders", "amount_paid")?,
            coupon_code: r.get(3)?,
            discount: optional_decimal(r, 4, "orders", "discount")?,
        });
    }
    Ok(out)
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
    pub discount: Option<String>,
}

impl OrderText {
    /// The text of `order` in a shop that does (`count_cod`) or does not count
    /// unconfirmed cash-on-delivery orders.
    pub fn of(order: &OrderRecord, count_cod: bool) -> OrderText {
        OrderText {
            created_at: to_stored(order.created_at),
            paid_at: order.paid_at.map(to_stored),
            amount_paid: order.amount_paid.to_string(),
            refund: order.refund.to_string(),
            value: order.value().to_string(),
            kind: kind_str(order.kind(count_cod)),
            discount: order.discount.map(|d| d.to_string()),
        }
    }
}

/// A stored order as an import compares it with an export (see
/// `laoke_core::revision`): the record with its lines, and its buyer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoredOrder {
    pub id: i64,
    pub customer_id: Option<i64>,
    /// The buyer identity of its customer.
    pub buyer: Option<String>,
    /// The customer its customer is merged into, else its customer: the person.
    pub person: Option<i64>,
    pub record: OrderRecord,
}

/// The order numbered `order_no` in a shop, with its lines.
pub(crate) fn find(conn: &Connection, shop_id: i64, order_no: &str) -> Result<Option<StoredOrder>> {
    use crate::stored_values::{decimal, instant, parsed};
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT o.id, o.customer_id, c.buyer_id, o.status, o.created_at, o.paid_at, o.amount_paid, o.refund, o.cod,
                {}, o.coupon_code, o.discount
         FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE o.shop_id = ?1 AND o.order_no = ?2",
        crate::persons::PERSON_OF_C
    ))?;
    let mut rows = stmt.query(params![shop_id, order_no])?;
    let Some(r) = rows.next()? else { return Ok(None) };
    let id: i64 = r.get(0)?;
    let paid_at: Option<String> = r.get(5)?;
    let record = OrderRecord {
        order_no: order_no.to_owned(),
        status: parsed(r, 3, "orders", "status")?,
        created_at: instant(r, 4, "orders", "created_at")?,
        paid_at: match paid_at {
            None => None,
            Some(t) => Some(laoke_core::time::from_stored(&t).ok_or(crate::StoreError::Corrupt {
                table: "orders",
                column: "paid_at",
                value: t,
            })?),
        },
        amount_paid: decimal(r, 6, "orders", "amount_paid")?,
        refund: decimal(r, 7, "orders", "refund")?,
        cod: r.get(8)?,
        items: crate::order_items::load(conn, id)?,
        coupon_code: r.get(10)?,
        discount: crate::stored_values::optional_decimal(r, 11, "orders", "discount")?,
    };
    Ok(Some(StoredOrder { id, customer_id: r.get(1)?, buyer: r.get(2)?, person: r.get(9)?, record }))
}

/// Rewrites what exports say about an existing order.
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
             value = ?8, kind = ?9, cod = ?10, batch_id = ?11, updated_at = ?12, coupon_code = ?13, discount = ?14
         WHERE id = ?1",
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
        order.cod,
        origin.batch_id,
        now,
        order.coupon_code,
        text.discount,
    ])?;
    Ok(())
}

/// Orders per INSERT statement in [`insert_batch`].
pub(crate) const BATCH: usize = 16;

/// Values bound per order in [`insert_batch`].
const PER_ORDER: usize = 12;

/// One order of a batch: whom it belongs to, the order, its stored text.
pub(crate) type BatchRow<'a> = (Option<i64>, &'a OrderRecord, &'a OrderText);

/// Inserts up to [`BATCH`] new orders of one shop and import batch in one
/// statement and returns their ids. One statement for many orders: running one
/// per order spent most of its time opening and closing the table and its
/// indexes. `OR FAIL` for the reason given at `order_items::insert_sql`: no
/// statement journal. The caller knows the numbers are new to the shop; a stored
/// one fails the statement (and the caller's transaction).
pub(crate) fn insert_batch(
    conn: &Connection,
    origin: &OrderOrigin,
    rows: &[BatchRow<'_>],
    now: &str,
) -> Result<Vec<i64>> {
    thread_local! {
        static SQL: Vec<String> = (0..=BATCH).map(batch_sql).collect();
    }
    let mut stmt = SQL.with(|sql| conn.prepare_cached(&sql[rows.len()]))?;
    for (i, (customer_id, order, text)) in rows.iter().enumerate() {
        let at = i * PER_ORDER;
        stmt.raw_bind_parameter(at + 1, &order.order_no)?;
        stmt.raw_bind_parameter(at + 2, customer_id)?;
        stmt.raw_bind_parameter(at + 3, order.status.as_str())?;
        stmt.raw_bind_parameter(at + 4, &text.created_at)?;
        stmt.raw_bind_parameter(at + 5, &text.paid_at)?;
        stmt.raw_bind_parameter(at + 6, &text.amount_paid)?;
        stmt.raw_bind_parameter(at + 7, &text.refund)?;
        stmt.raw_bind_parameter(at + 8, &text.value)?;
        stmt.raw_bind_parameter(at + 9, text.kind)?;
        stmt.raw_bind_parameter(at + 10, order.cod)?;
        stmt.raw_bind_parameter(at + 11, &order.coupon_code)?;
        stmt.raw_bind_parameter(at + 12, &text.discount)?;
    }
    let common = rows.len() * PER_ORDER;
    stmt.raw_bind_parameter(common + 1, origin.platform.as_str())?;
    stmt.raw_bind_parameter(common + 2, origin.shop_id)?;
    stmt.raw_bind_parameter(common + 3, origin.batch_id)?;
    stmt.raw_bind_parameter(common + 4, now)?;
    // Without RETURNING (which SQLite materializes into a temporary table): the
    // rows took consecutive ids ending at the last one inserted, in the order of `rows`.
    let inserted = stmt.raw_execute()?;
    let last = conn.last_insert_rowid();
    Ok((last - inserted as i64 + 1..=last).collect())
}

fn batch_sql(rows: usize) -> String {
    let common = rows * PER_ORDER;
    let tuples: Vec<String> = (0..rows)
        .map(|r| {
            let own: Vec<String> = (1..=PER_ORDER).map(|c| format!("?{}", r * PER_ORDER + c)).collect();
            // The order number, then the shop, then the rest of the order's own values.
            format!(
                "(?{pl}, {}, ?{sh}, {}, ?{ba}, ?{now})",
                own[0],
                own[1..].join(", "),
                pl = common + 1,
                sh = common + 2,
                ba = common + 3,
                now = common + 4,
            )
        })
        .collect();
    format!(
        "INSERT OR FAIL INTO orders (platform, order_no, shop_id, customer_id, status, created_at, paid_at, amount_paid,
             refund, value, kind, cod, coupon_code, discount, batch_id, updated_at)
         VALUES {}",
        tuples.join(", ")
    )
}

/// Inserts a new order (its items are written by `order_items`); its number must
/// be new to its shop.
pub(crate) fn insert(
    conn: &Connection,
    origin: &OrderOrigin,
    order: &OrderRecord,
    count_cod: bool,
    now: &str,
) -> Result<i64> {
    let text = OrderText::of(order, count_cod);
    let ids = insert_batch(conn, origin, &[(origin.customer_id, order, &text)], now)?;
    Ok(ids[0])
}

impl crate::Store {
    /// An order with its lines, by shop and order number.
    pub fn order(&self, shop_id: i64, order_no: &str) -> Result<Option<laoke_core::dto::OrderView>> {
        use crate::stored_values::{decimal, parsed};
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.id, o.status, o.created_at, o.paid_at, o.amount_paid, o.refund, o.value, o.kind, c.buyer_id,
                    o.platform, o.cod, o.coupon_code, o.discount
             FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE o.shop_id = ?1 AND o.order_no = ?2",
        )?;
        let mut rows = stmt.query(params![shop_id, order_no])?;
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
            platform: parsed(r, 9, "orders", "platform")?,
            shop_id,
            order_no: order_no.to_owned(),
            buyer_id: r.get(8)?,
            status: parsed(r, 1, "orders", "status")?,
            cod: r.get(10)?,
            created_at: r.get(2)?,
            paid_at: r.get(3)?,
            amount_paid: decimal(r, 4, "orders", "amount_paid")?,
            refund: decimal(r, 5, "orders", "refund")?,
            value: decimal(r, 6, "orders", "value")?,
            purchase: kind_at(r, 7)? == OrderKind::Purchase,
            items,
            coupon_code: r.get(11)?,
            discount: crate::stored_values::optional_decimal(r, 12, "orders", "discount")?,
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
        let shop_id = crate::shops::ensure(conn, Platform::Taobao, "s", "t").unwrap().id;
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
            cod: false,
            items: vec![],
            coupon_code: None,
            discount: None,
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
        insert(&store.conn, &origin, &order, true, "t").unwrap();
        let row: (String, String, String) = store
            .conn
            .query_row("SELECT value, kind, created_at FROM orders", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        assert_eq!(row, ("100.00".into(), "purchase".into(), "2025-11-11T00:05:00Z".into()));
        assert!(insert(&store.conn, &origin, &order, true, "t").is_err(), "order numbers are unique per shop");
        // The same number in another shop of the platform is another order.
        let outlet = crate::shops::ensure(&store.conn, Platform::Taobao, "outlet", "t").unwrap().id;
        insert(&store.conn, &OrderOrigin { shop_id: outlet, ..origin }, &order, true, "t").unwrap();
    }

    #[test]
    fn a_batch_says_the_id_of_each_order_and_counts_cod_as_its_shop_says() {
        let store = Store::open_in_memory().unwrap();
        let origin = taobao_origin(&store.conn);
        let value = |id: i64| -> (String, String, bool) {
            store
                .conn
                .query_row("SELECT value, kind, cod FROM orders WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .unwrap()
        };
        let cod = |no: &str, paid| OrderRecord { cod: true, ..completed(no, paid) };
        // Each id is its own order's (the ids are worked out, not read back).
        let orders = [completed("D", dec!(6)), cod("E", dec!(7)), completed("F", dec!(8))];
        for count_cod in [true, false] {
            let texts: Vec<OrderText> = orders.iter().map(|o| OrderText::of(o, count_cod)).collect();
            let rows: Vec<BatchRow<'_>> = orders.iter().zip(&texts).map(|(o, t)| (None, o, t)).collect();
            let shop_id = crate::shops::ensure(&store.conn, Platform::Taobao, &count_cod.to_string(), "t").unwrap().id;
            let ids = insert_batch(&store.conn, &OrderOrigin { shop_id, ..origin }, &rows, "t").unwrap();
            let values: Vec<_> = ids.iter().map(|&id| value(id)).collect();
            let e_kind = if count_cod { "purchase" } else { "other" };
            assert_eq!(
                values,
                [
                    ("6".into(), "purchase".into(), false),
                    ("7".into(), e_kind.into(), true),
                    ("8".into(), "purchase".into(), false)
                ]
            );
        }
    }
}

//! The order export: every order of the selected customers (and of the
//! customers merged into them), or every order of the archive, oldest first,
//! times in the shop's time zone, items as `title ×qty` joined. In a privacy
//! export the receiver's name, phone and address are masked and the free-text
//! messages left out.

use super::sheet::Cell;
use crate::stored_values::{decimal, optional_decimal};
use crate::{Result, Store};
use chrono_tz::Tz;
use laoke_core::dto::ExportFormat;
use laoke_core::export::{titles, ORDER_COLUMNS};
use laoke_core::privacy::{mask_address, mask_identity, mask_name, mask_nick, mask_phone};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
use std::path::Path;

pub(super) struct OrderLine {
    id: i64,
    order_no: String,
    platform: String,
    shop: Option<String>,
    customer_id: Option<i64>,
    buyer_id: Option<String>,
    nick: Option<String>,
    name: Option<String>,
    status: String,
    kind: String,
    times: [Option<String>; 4],
    amount_paid: Decimal,
    refund: Decimal,
    value: Decimal,
    coupon_code: Option<String>,
    discount: Option<Decimal>,
    receiver_name: Option<String>,
    phone: Option<String>,
    address: Option<String>,
    buyer_message: Option<String>,
    seller_note: Option<String>,
}

/// The orders of `customers` and those merged into them (every order when `None`).
pub(super) fn select(store: &Store, customers: Option<&[i64]>) -> Result<Vec<OrderLine>> {
    let wanted: Option<HashSet<i64>> = match customers {
        None => None,
        Some(ids) => {
            let mut set: HashSet<i64> = ids.iter().copied().collect();
            let mut stmt = store.conn.prepare("SELECT id, merged_into FROM customers WHERE merged_into IS NOT NULL")?;
            let merged = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
            let merged: Vec<(i64, i64)> = merged.collect::<rusqlite::Result<_>>()?;
            set.extend(merged.into_iter().filter(|(_, kept)| ids.contains(kept)).map(|(id, _)| id));
            Some(set)
        }
    };
    let mut stmt = store.conn.prepare(
        "SELECT o.id, o.order_no, o.platform, s.name, o.customer_id, c.buyer_id, c.nick, o.status, o.kind,
                o.created_at, o.paid_at, o.shipped_at, o.completed_at, o.amount_paid, o.refund, o.value,
                o.coupon_code, o.discount, o.receiver_name, o.phone, o.address, o.buyer_message, o.seller_note, c.name
         FROM orders o LEFT JOIN shops s ON s.id = o.shop_id LEFT JOIN customers c ON c.id = o.customer_id
         ORDER BY o.created_at, o.id",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let customer_id: Option<i64> = r.get(4)?;
        if let Some(set) = &wanted {
            if !customer_id.is_some_and(|id| set.contains(&id)) {
                continue;
            }
        }
        out.push(OrderLine {
            id: r.get(0)?,
            order_no: r.get(1)?,
            platform: r.get(2)?,
            shop: r.get(3)?,
            customer_id,
            buyer_id: r.get(5)?,
            nick: r.get(6)?,
            status: r.get(7)?,
            kind: r.get(8)?,
            times: [r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?],
            amount_paid: decimal(r, 13, "orders", "amount_paid")?,
            refund: decimal(r, 14, "orders", "refund")?,
            value: decimal(r, 15, "orders", "value")?,
            coupon_code: r.get(16)?,
            discount: optional_decimal(r, 17, "orders", "discount")?,
            receiver_name: r.get(18)?,
            phone: r.get(19)?,
            address: r.get(20)?,
            buyer_message: r.get(21)?,
            seller_note: r.get(22)?,
            name: r.get(23)?,
        });
    }
    Ok(out)
}

/// Each order's items, `title ×qty` in line order, joined by " / ".
fn items(store: &Store, orders: &[OrderLine]) -> Result<HashMap<i64, String>> {
    let wanted: HashSet<i64> = orders.iter().map(|o| o.id).collect();
    let mut out: HashMap<i64, String> = HashMap::with_capacity(wanted.len());
    let mut stmt =
        store.conn.prepare("SELECT order_id, title, quantity FROM order_items ORDER BY order_id, line_no")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if !wanted.contains(&id) {
            continue;
        }
        let (title, quantity): (String, i64) = (r.get(1)?, r.get(2)?);
        let text = out.entry(id).or_default();
        if !text.is_empty() {
            text.push_str(" / ");
        }
        text.push_str(&format!("{title} ×{quantity}"));
    }
    Ok(out)
}

/// A stored UTC instant as the shop's wall-clock time.
fn local(stored: &Option<String>, tz: Tz) -> Cell {
    let shown = stored
        .as_deref()
        .and_then(laoke_core::time::from_stored)
        .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M:%S").to_string());
    Cell::text(shown)
}

pub(super) fn write(
    store: &Store,
    orders: &[OrderLine],
    path: &Path,
    format: ExportFormat,
    privacy: bool,
    language: &str,
) -> Result<(u32, u32)> {
    let tz = store.timezone()?;
    let items = items(store, orders)?;
    let free_text = |value: &Option<String>| if privacy { Cell::Empty } else { Cell::text(value.clone()) };
    super::write_all(path, format, &titles(ORDER_COLUMNS, language), orders, |o| {
        Ok(vec![
            Cell::Text(o.order_no.clone()),
            Cell::Text(o.platform.clone()),
            Cell::text(o.shop.clone()),
            o.customer_id.map_or(Cell::Empty, Cell::Int),
            Cell::shown(o.buyer_id.as_deref(), privacy, mask_identity),
            Cell::text(o.nick.as_deref().map(|n| if privacy { mask_nick(n, o.name.as_deref()) } else { n.to_owned() })),
            Cell::Text(o.status.clone()),
            Cell::Text(o.kind.clone()),
            local(&o.times[0], tz),
            local(&o.times[1], tz),
            local(&o.times[2], tz),
            local(&o.times[3], tz),
            Cell::Money(o.amount_paid),
            Cell::Money(o.refund),
            Cell::Money(o.value),
            Cell::text(o.coupon_code.clone()),
            o.discount.map_or(Cell::Empty, Cell::Money),
            Cell::text(items.get(&o.id).cloned()),
            Cell::shown(o.receiver_name.as_deref(), privacy, mask_name),
            Cell::shown(o.phone.as_deref(), privacy, mask_phone),
            Cell::shown(o.address.as_deref(), privacy, mask_address),
            free_text(&o.buyer_message),
            free_text(&o.seller_note),
        ])
    })
}

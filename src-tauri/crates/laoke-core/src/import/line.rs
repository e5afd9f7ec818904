//! What one row of an export says, normalized, and how consecutive rows of the
//! same order become one [`ImportedOrder`]. Exports put an order on one row
//! (Taobao), or one row per line item with the order's fields repeated (JD), on
//! the first row only (Shopify), or split across sub-orders whose amounts add up
//! (Douyin); [`Amount`] says which, and the assembler does the rest.

use crate::archive::{BuyerIdentity, CustomerRecord, ItemRecord, OrderRecord};
use crate::{OrderStatus, Platform};
use chrono::{DateTime, Utc};
use compact_str::CompactString;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A row that cannot be used, and why. `row` is the line in the file (header = 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Rejection {
    #[ts(type = "number")]
    pub row: u64,
    /// The header of the offending column as written in the file, when one is to blame.
    pub column: Option<String>,
    pub reason: String,
}

/// How a row's amount relates to its order's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// The row carries the whole order's amount (repeated on every row, or on the first).
    Order(Decimal),
    /// The row carries its share; the order's amount is the sum of the shares.
    Part(Decimal),
    /// The row carries no amount; without any, the order is worth Σ quantity × unit price.
    Missing,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub row: u64,
    /// Order numbers and buyer ids are short: kept inline, a row's copies of them
    /// need no allocation (the order keeps one of each).
    pub order_no: CompactString,
    /// A real (never masked) buyer identity, when the export has one.
    pub buyer: Option<CompactString>,
    pub profile: CustomerRecord,
    pub status: Option<OrderStatus>,
    pub created_at: Option<DateTime<Utc>>,
    pub paid_at: Option<DateTime<Utc>>,
    pub amount: Amount,
    /// Refunded on this row; summed like [`Amount::Part`].
    pub refund: Decimal,
    /// An order-level amount repeated on each row (shipping, tax, discounts) that is
    /// added to the sum of the parts once.
    pub order_adjust: Option<Decimal>,
    pub items: Vec<ItemRecord>,
}

impl Line {
    pub fn new(row: u64, order_no: CompactString) -> Self {
        Line {
            row,
            order_no,
            buyer: None,
            profile: CustomerRecord::default(),
            status: None,
            created_at: None,
            paid_at: None,
            amount: Amount::Missing,
            refund: Decimal::ZERO,
            order_adjust: None,
            // Every format reads at most one item per row: room for exactly one
            // (a growing Vec would reserve four, and a million rows churn memory).
            items: Vec::with_capacity(1),
        }
    }
}

/// One order ready for the archive.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedOrder {
    /// The first row of the order in the file.
    pub row: u64,
    pub identity: Option<BuyerIdentity>,
    pub profile: CustomerRecord,
    pub order: OrderRecord,
}

/// The status of an order from the statuses of its lines: all refunded →
/// refunded, all closed → closed (a closed gift line does not close the order),
/// otherwise the furthest state of the lines still alive.
fn merge_status(statuses: &[OrderStatus]) -> OrderStatus {
    use OrderStatus::*;
    if statuses.is_empty() {
        return Completed;
    }
    let alive: Vec<_> = statuses.iter().copied().filter(|s| !matches!(s, Closed | Refunded)).collect();
    if alive.is_empty() {
        return if statuses.contains(&Refunded) { Refunded } else { Closed };
    }
    let rank = |s: &OrderStatus| match s {
        Unpaid => 0,
        Paid => 1,
        Shipped => 2,
        _ => 3,
    };
    alive.into_iter().max_by_key(rank).unwrap_or(Completed)
}

/// Builds one order from its consecutive lines (all with the same order number).
pub fn assemble(platform: Platform, mut lines: Vec<Line>) -> Option<ImportedOrder> {
    let first = lines.first_mut()?;
    let row = first.row;
    let order_no = std::mem::take(&mut first.order_no).into_string();
    let mut profile = std::mem::take(&mut first.profile);
    let buyer = lines.iter_mut().find_map(|l| l.buyer.take());
    for l in &lines[1..] {
        merge_profile(&mut profile, &l.profile);
    }
    if profile.nick.is_empty() {
        profile.nick = buyer.as_deref().unwrap_or_default().to_owned();
    }
    let statuses: Vec<_> = lines.iter().filter_map(|l| l.status).collect();
    let created_at = lines.iter().filter_map(|l| l.created_at).min()?;
    let paid_at = lines.iter().filter_map(|l| l.paid_at).min();
    // The lines are this order's alone: their items move into it.
    let mut items: Vec<ItemRecord> = Vec::with_capacity(lines.iter().map(|l| l.items.len()).sum());
    for l in &mut lines {
        items.append(&mut l.items);
    }
    let whole = lines.iter().find_map(|l| match l.amount {
        Amount::Order(a) => Some(a),
        _ => None,
    });
    let parts: Vec<Decimal> = lines
        .iter()
        .filter_map(|l| match l.amount {
            Amount::Part(a) => Some(a),
            _ => None,
        })
        .collect();
    let adjust = lines.iter().find_map(|l| l.order_adjust).unwrap_or_default();
    let amount_paid = match (whole, parts.is_empty()) {
        (Some(a), _) => a,
        (None, false) => parts.iter().sum::<Decimal>() + adjust,
        (None, true) => {
            items.iter().map(|i| i.unit_price.unwrap_or_default() * Decimal::from(i.quantity)).sum::<Decimal>() + adjust
        }
    };
    let refund: Decimal = if whole.is_some() && parts.is_empty() && lines.len() > 1 {
        // The refund is an order-level column repeated on every row: count it once.
        lines.iter().map(|l| l.refund).max().unwrap_or_default()
    } else {
        lines.iter().map(|l| l.refund).sum()
    };
    Some(ImportedOrder {
        row,
        identity: buyer.map(|buyer_id| BuyerIdentity { platform, buyer_id: buyer_id.into_string() }),
        profile,
        order: OrderRecord {
            order_no,
            status: merge_status(&statuses),
            created_at,
            paid_at,
            amount_paid,
            refund,
            items,
        },
    })
}

/// Fills what `into` does not know yet from `from`.
pub fn merge_profile(into: &mut CustomerRecord, from: &CustomerRecord) {
    fn fill(a: &mut Option<String>, b: &Option<String>) {
        if a.is_none() && b.is_some() {
            a.clone_from(b);
        }
    }
    if into.nick.is_empty() {
        into.nick.clone_from(&from.nick);
    }
    fill(&mut into.name, &from.name);
    fill(&mut into.phone, &from.phone);
    fill(&mut into.email, &from.email);
    fill(&mut into.province, &from.province);
    fill(&mut into.city, &from.city);
    fill(&mut into.address, &from.address);
    into.birthday = into.birthday.or(from.birthday);
    into.gender = into.gender.or(from.gender);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use rust_decimal_macros::dec;

    fn line(row: u64, status: OrderStatus, amount: Amount) -> Line {
        let mut l = Line::new(row, "A1".into());
        l.status = Some(status);
        l.amount = amount;
        l.created_at = Some(Utc.with_ymd_and_hms(2026, 9, 22, 0, 54, 10).unwrap());
        l
    }

    #[test]
    fn shares_add_up_and_a_closed_gift_line_does_not_close_the_order() {
        let mut a = line(2, OrderStatus::Completed, Amount::Part(dec!(20.00)));
        a.refund = dec!(0);
        let b = line(3, OrderStatus::Closed, Amount::Part(dec!(0.00)));
        let o = assemble(Platform::Douyin, vec![a, b]).unwrap();
        assert_eq!(o.order.status, OrderStatus::Completed);
        assert_eq!(o.order.amount_paid, dec!(20.00));
        assert_eq!(o.row, 2);
        assert_eq!(o.identity, None);
    }

    #[test]
    fn an_order_amount_on_every_row_counts_once_and_items_price_the_rest() {
        let mut a = line(2, OrderStatus::Completed, Amount::Order(dec!(99.00)));
        a.refund = dec!(10.00);
        let mut b = line(3, OrderStatus::Completed, Amount::Order(dec!(99.00)));
        b.refund = dec!(10.00);
        let o = assemble(Platform::Jd, vec![a, b]).unwrap();
        assert_eq!((o.order.amount_paid, o.order.refund), (dec!(99.00), dec!(10.00)));

        let item = |q, p| ItemRecord { title: "x".into(), sku: None, category: None, quantity: q, unit_price: Some(p) };
        let mut c = line(5, OrderStatus::Completed, Amount::Missing);
        c.items.push(item(6, dec!(2.55)));
        let mut d = line(6, OrderStatus::Completed, Amount::Missing);
        d.items.push(item(-2, dec!(1.25)));
        let o = assemble(Platform::Generic, vec![c, d]).unwrap();
        assert_eq!(o.order.amount_paid, dec!(12.80));
        assert_eq!(o.order.items.len(), 2);
    }

    #[test]
    fn statuses_merge() {
        use OrderStatus::*;
        assert_eq!(merge_status(&[Refunded, Refunded]), Refunded);
        assert_eq!(merge_status(&[Closed, Refunded]), Refunded);
        assert_eq!(merge_status(&[Closed]), Closed);
        assert_eq!(merge_status(&[Paid, Shipped, Closed]), Shipped);
        assert_eq!(merge_status(&[]), Completed);
    }
}

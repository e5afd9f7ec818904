//! An order being put together from its rows, one row at a time. Each row is
//! folded in as it is read and then dropped, so an open order holds its
//! running totals and items, not a list of rows: keeping every row (a few
//! hundred bytes each, most of it an empty customer profile) and assembling
//! them at the end cost a growing vector per order and a second pass.
//! The rules are the ones [`assemble`] states for a whole order.

use super::line::{merge_profile, Amount, ImportedOrder, Line};
use crate::archive::{BuyerIdentity, CustomerRecord, ItemRecord, OrderRecord};
use crate::{OrderStatus, Platform};
use chrono::{DateTime, Utc};
use compact_str::CompactString;
use rust_decimal::Decimal;

/// The status of an order from the statuses of its lines: all refunded →
/// refunded, all closed → closed (a closed gift line does not close the order),
/// otherwise the furthest state of the lines still alive.
#[derive(Debug, Default, Clone, Copy)]
struct StatusFold {
    any: bool,
    refunded: bool,
    /// The furthest line still alive; on a tie the later line.
    alive: Option<OrderStatus>,
}

impl StatusFold {
    fn add(&mut self, s: OrderStatus) {
        use OrderStatus::*;
        let rank = |s: OrderStatus| match s {
            Unpaid => 0,
            Paid => 1,
            Shipped => 2,
            _ => 3,
        };
        self.any = true;
        match s {
            Refunded => self.refunded = true,
            Closed => {}
            s if self.alive.is_none_or(|a| rank(s) >= rank(a)) => self.alive = Some(s),
            _ => {}
        }
    }

    fn status(&self) -> OrderStatus {
        match (self.any, self.alive) {
            (false, _) => OrderStatus::Completed,
            (true, Some(s)) => s,
            (true, None) if self.refunded => OrderStatus::Refunded,
            (true, None) => OrderStatus::Closed,
        }
    }
}

/// One open order: its first row's identity and profile, and everything later
/// rows add.
#[derive(Debug)]
pub struct OrderDraft {
    pub row: u64,
    pub order_no: CompactString,
    buyer: Option<CompactString>,
    shop: Option<CompactString>,
    cod: bool,
    profile: CustomerRecord,
    status: StatusFold,
    created_at: Option<DateTime<Utc>>,
    paid_at: Option<DateTime<Utc>>,
    /// The first order-level amount (repeated on every row, or on the first).
    whole: Option<Decimal>,
    parts: Option<Decimal>,
    adjust: Option<Decimal>,
    refund_sum: Decimal,
    refund_max: Decimal,
    coupon_code: Option<String>,
    discount: Option<Decimal>,
    discount_parts: Option<Decimal>,
    lines: usize,
    pub items: Vec<ItemRecord>,
}

fn earliest(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

impl OrderDraft {
    pub fn new(mut first: Line) -> Self {
        let profile = std::mem::take(&mut first.profile);
        let mut draft = OrderDraft {
            row: first.row,
            order_no: std::mem::take(&mut first.order_no),
            buyer: None,
            shop: None,
            cod: false,
            profile,
            status: StatusFold::default(),
            created_at: None,
            paid_at: None,
            whole: None,
            parts: None,
            adjust: None,
            refund_sum: Decimal::ZERO,
            refund_max: first.refund,
            coupon_code: None,
            discount: None,
            discount_parts: None,
            lines: 0,
            items: std::mem::take(&mut first.items),
        };
        draft.fold(first);
        draft
    }

    /// The shop this order's rows name, when a row of another shop cannot be one
    /// of its rows (shops number their orders each on their own).
    pub fn other_shop(&self, shop: Option<&str>) -> Option<&str> {
        self.shop.as_deref().filter(|own| shop.is_some_and(|s| s != *own))
    }

    /// Adds a later row of the same order.
    pub fn add(&mut self, mut line: Line) {
        merge_profile(&mut self.profile, &line.profile);
        self.items.append(&mut line.items);
        self.fold(line);
    }

    /// What every row adds, the first included.
    fn fold(&mut self, line: Line) {
        if self.buyer.is_none() {
            self.buyer = line.buyer;
        }
        if self.shop.is_none() {
            self.shop = line.shop;
        }
        self.cod |= line.cod;
        if let Some(s) = line.status {
            self.status.add(s);
        }
        self.created_at = earliest(self.created_at, line.created_at);
        self.paid_at = earliest(self.paid_at, line.paid_at);
        match line.amount {
            Amount::Order(a) => self.whole = self.whole.or(Some(a)),
            Amount::Part(a) => self.parts = Some(self.parts.unwrap_or_default() + a),
            Amount::Missing => {}
        }
        self.adjust = self.adjust.or(line.order_adjust);
        if self.coupon_code.is_none() {
            self.coupon_code = line.coupon_code;
        }
        match line.discount {
            Amount::Order(a) => self.discount = self.discount.or(Some(a)),
            Amount::Part(a) => self.discount_parts = Some(self.discount_parts.unwrap_or_default() + a),
            Amount::Missing => {}
        }
        self.refund_sum += line.refund;
        self.refund_max = self.refund_max.max(line.refund);
        self.lines += 1;
    }

    /// The finished order; `None` when no row said when it was placed.
    pub fn finish(self, platform: Platform) -> Option<ImportedOrder> {
        let created_at = self.created_at?;
        let mut profile = self.profile;
        if profile.nick.is_empty() {
            profile.nick = self.buyer.as_deref().unwrap_or_default().to_owned();
        }
        let adjust = self.adjust.unwrap_or_default();
        let amount_paid = match (self.whole, self.parts) {
            (Some(a), _) => a,
            (None, Some(parts)) => parts + adjust,
            (None, None) => {
                self.items.iter().map(|i| i.unit_price.unwrap_or_default() * Decimal::from(i.quantity)).sum::<Decimal>()
                    + adjust
            }
        };
        let refund = if self.whole.is_some() && self.parts.is_none() && self.lines > 1 {
            // The refund is an order-level column repeated on every row: count it once.
            self.refund_max
        } else {
            self.refund_sum
        };
        Some(ImportedOrder {
            row: self.row,
            identity: self.buyer.map(|buyer_id| BuyerIdentity { platform, buyer_id: buyer_id.into_string() }),
            shop: self.shop,
            profile,
            order: OrderRecord {
                order_no: self.order_no.into_string(),
                status: self.status.status(),
                created_at,
                paid_at: self.paid_at,
                amount_paid,
                refund,
                cod: self.cod,
                items: self.items,
                coupon_code: self.coupon_code,
                discount: self.discount.or(self.discount_parts),
            },
        })
    }
}

/// Builds one order from its lines (all with the same order number), in file order.
pub fn assemble(platform: Platform, lines: Vec<Line>) -> Option<ImportedOrder> {
    let mut lines = lines.into_iter();
    let mut draft = OrderDraft::new(lines.next()?);
    for line in lines {
        draft.add(line);
    }
    draft.finish(platform)
}

#[cfg(test)]
mod tests;

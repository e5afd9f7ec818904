//! What goes into the archive and what it means: the records an import (or the
//! demo generator) hands to the store, and the two rules everything else builds
//! on — what an order is worth, and whether it is a purchase.
//!
//! Order value = what the buyer actually paid minus what was refunded. A
//! purchase is an order that was paid, is not closed or refunded, and whose value
//! is above zero. An order with a negative value is a refund document (a
//! cancellation or credit note): never a purchase, and its amount comes off its
//! customer's value and the shop's revenue.

use crate::{OrderStatus, Platform};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

/// One buyer identity on one platform: the key of a customer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BuyerIdentity {
    pub platform: Platform,
    /// 买家会员名, Shopify email, Etsy Buyer User ID, …: never a masked value.
    pub buyer_id: String,
}

/// The profile fields an export (or the demo) knows about a buyer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomerRecord {
    pub nick: String,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub address: Option<String>,
    pub birthday: Option<NaiveDate>,
    /// The birthday is a lunar-calendar date (农历生日), stored as its month/day.
    pub birthday_lunar: bool,
    /// `f`, `m` or unknown.
    pub gender: Option<char>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrderRecord {
    pub order_no: String,
    pub status: OrderStatus,
    pub created_at: DateTime<Utc>,
    pub paid_at: Option<DateTime<Utc>>,
    /// What the buyer actually paid (买家实际支付金额, Shopify Total…).
    pub amount_paid: Decimal,
    /// What was refunded of it.
    pub refund: Decimal,
    pub items: Vec<ItemRecord>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemRecord {
    pub title: String,
    pub sku: Option<String>,
    pub category: Option<String>,
    pub quantity: i64,
    /// Unknown when the export only names the items (a Taobao order report).
    pub unit_price: Option<Decimal>,
}

/// How an order counts towards a customer and the shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderKind {
    Purchase,
    /// A cancellation or credit note: negative value, subtracted from value and revenue.
    RefundDocument,
    /// Unpaid, closed, refunded or worth nothing: kept, never counted.
    Other,
}

/// Order value: paid minus refunded.
pub fn order_value(amount_paid: Decimal, refund: Decimal) -> Decimal {
    amount_paid - refund
}

pub fn order_kind(status: OrderStatus, value: Decimal) -> OrderKind {
    if value < Decimal::ZERO {
        OrderKind::RefundDocument
    } else if status.counts_as_paid() && value > Decimal::ZERO {
        OrderKind::Purchase
    } else {
        OrderKind::Other
    }
}

impl OrderRecord {
    pub fn value(&self) -> Decimal {
        order_value(self.amount_paid, self.refund)
    }

    pub fn kind(&self) -> OrderKind {
        order_kind(self.status, self.value())
    }
}

/// A customer's derived totals, folded from their orders in any order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomerTotals {
    pub orders: u32,
    pub purchases: u32,
    /// Purchase values minus refund documents.
    pub value: Decimal,
    /// Everything refunded: refunds on orders plus refund documents.
    pub refunds: Decimal,
    pub first_order: Option<DateTime<Utc>>,
    pub last_order: Option<DateTime<Utc>>,
    pub first_purchase: Option<DateTime<Utc>>,
    pub last_purchase: Option<DateTime<Utc>>,
}

impl CustomerTotals {
    pub fn add(&mut self, status: OrderStatus, amount_paid: Decimal, refund: Decimal, at: DateTime<Utc>) {
        let value = order_value(amount_paid, refund);
        self.orders += 1;
        self.first_order = Some(self.first_order.map_or(at, |t| t.min(at)));
        self.last_order = Some(self.last_order.map_or(at, |t| t.max(at)));
        match order_kind(status, value) {
            OrderKind::Purchase => {
                self.purchases += 1;
                self.value += value;
                self.first_purchase = Some(self.first_purchase.map_or(at, |t| t.min(at)));
                self.last_purchase = Some(self.last_purchase.map_or(at, |t| t.max(at)));
            }
            OrderKind::RefundDocument => self.value += value,
            OrderKind::Other => {}
        }
        self.refunds += if value < Decimal::ZERO { -value } else { refund.max(Decimal::ZERO) };
    }

    pub fn from_orders<'a>(orders: impl IntoIterator<Item = &'a OrderRecord>) -> Self {
        let mut totals = CustomerTotals::default();
        for o in orders {
            totals.add(o.status, o.amount_paid, o.refund, o.created_at);
        }
        totals
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use rust_decimal_macros::dec;

    fn at(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, d, 8, 0, 0).unwrap()
    }

    #[test]
    fn purchase_needs_payment_and_a_positive_value() {
        use OrderStatus::*;
        assert_eq!(order_kind(Completed, dec!(10)), OrderKind::Purchase);
        assert_eq!(order_kind(Paid, dec!(0.01)), OrderKind::Purchase);
        assert_eq!(order_kind(Completed, dec!(0)), OrderKind::Other, "fully refunded");
        assert_eq!(order_kind(Unpaid, dec!(10)), OrderKind::Other);
        assert_eq!(order_kind(Closed, dec!(10)), OrderKind::Other);
        assert_eq!(order_kind(Refunded, dec!(10)), OrderKind::Other);
        assert_eq!(order_kind(Completed, dec!(-5)), OrderKind::RefundDocument);
        assert_eq!(order_value(dec!(99.90), dec!(20.00)), dec!(79.90));
    }

    #[test]
    fn totals_subtract_refund_documents_and_ignore_unpaid() {
        let mut t = CustomerTotals::default();
        t.add(OrderStatus::Completed, dec!(100.00), dec!(0), at(3));
        t.add(OrderStatus::Completed, dec!(50.00), dec!(10.00), at(1));
        t.add(OrderStatus::Unpaid, dec!(30.00), dec!(0), at(9));
        t.add(OrderStatus::Completed, dec!(-15.50), dec!(0), at(5));
        assert_eq!(t.orders, 4);
        assert_eq!(t.purchases, 2);
        assert_eq!(t.value, dec!(124.50));
        assert_eq!(t.refunds, dec!(25.50));
        assert_eq!(t.first_order, Some(at(1)));
        assert_eq!(t.last_order, Some(at(9)));
        assert_eq!(t.first_purchase, Some(at(1)));
        assert_eq!(t.last_purchase, Some(at(3)));
    }
}

//! What goes into the archive and what it means: the records an import (or the
//! demo generator) hands to the store, and the two rules everything else builds
//! on — what an order is worth, and whether it is a purchase.
//!
//! Order value = what the buyer actually paid minus what was refunded. A
//! purchase is an order that was paid, is not closed or refunded, and whose value
//! is above zero. An order with a negative value is a refund document (a
//! cancellation or credit note): never a purchase, and its amount comes off its
//! customer's value and the shop's revenue.
//!
//! Cash on delivery (COD, 货到付款): the buyer pays the courier, and many
//! platforms show such an order as unpaid until the seller marks it paid, which
//! many sellers never do. A COD order whose payment the export does not confirm
//! counts as paid once it is shipped, unless the shop is set not to count such
//! orders (for sellers who mark COD orders paid themselves).

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
    /// Cash on delivery whose payment the export does not confirm (see the module
    /// documentation): the status says how far the goods got, not the money.
    pub cod: bool,
    pub items: Vec<ItemRecord>,
    /// The coupon code(s) the export names for the order (Shopify Discount Code,
    /// WooCommerce coupon_items, Etsy Coupon Code) as written, several joined by
    /// `", "`; see [`coupon_codes`].
    pub coupon_code: Option<String>,
    /// What the shop itself gave off the order, when the export says (Shopify and
    /// Etsy Discount Amount, WooCommerce discount_total, 拼多多 店铺优惠折扣, 抖音
    /// 商家实际承担优惠金额): never the platform's subsidy, which costs the seller nothing.
    pub discount: Option<Decimal>,
}

/// The codes of an order's `coupon_code`: Shopify and WooCommerce write several
/// separated by commas or semicolons.
pub fn coupon_codes(codes: &str) -> impl Iterator<Item = &str> {
    codes.split([',', ';']).map(str::trim).filter(|c| !c.is_empty())
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

/// How an order counts towards a customer and the shop. Stored as its snake-case
/// name (`purchase`, `refund_document`, `other`), spelled by strum in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
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

/// Whether an order's money counts as received: paid, shipped or completed; for
/// an unconfirmed cash-on-delivery order (`cod`), shipped or completed and only
/// when the shop counts such orders (`count_cod`).
pub fn counts_as_paid(status: OrderStatus, cod: bool, count_cod: bool) -> bool {
    if cod {
        count_cod && matches!(status, OrderStatus::Shipped | OrderStatus::Completed)
    } else {
        status.counts_as_paid()
    }
}

/// How an order counts: `paid` is [`counts_as_paid`] of it.
pub fn order_kind(paid: bool, value: Decimal) -> OrderKind {
    if value < Decimal::ZERO {
        OrderKind::RefundDocument
    } else if paid && value > Decimal::ZERO {
        OrderKind::Purchase
    } else {
        OrderKind::Other
    }
}

impl OrderRecord {
    pub fn value(&self) -> Decimal {
        order_value(self.amount_paid, self.refund)
    }

    /// How the order counts in a shop that does (`count_cod`) or does not count
    /// unconfirmed cash-on-delivery orders.
    pub fn kind(&self, count_cod: bool) -> OrderKind {
        order_kind(counts_as_paid(self.status, self.cod, count_cod), self.value())
    }

    /// Counted only because its shop counts unconfirmed cash-on-delivery orders.
    pub fn counted_as_cod(&self, count_cod: bool) -> bool {
        self.cod && self.kind(count_cod) == OrderKind::Purchase
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
    /// Adds one order: how it counts (decided when it was stored, with its
    /// shop's settings), its value, its refund and when it was placed.
    pub fn add(&mut self, kind: OrderKind, value: Decimal, refund: Decimal, at: DateTime<Utc>) {
        self.orders += 1;
        self.first_order = Some(self.first_order.map_or(at, |t| t.min(at)));
        self.last_order = Some(self.last_order.map_or(at, |t| t.max(at)));
        match kind {
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

    /// The totals of `orders`, all of one shop counting cash on delivery or not.
    pub fn from_orders<'a>(orders: impl IntoIterator<Item = &'a OrderRecord>, count_cod: bool) -> Self {
        let mut totals = CustomerTotals::default();
        for o in orders {
            totals.add_order(o, count_cod);
        }
        totals
    }

    /// [`CustomerTotals::add`] for an order record.
    pub fn add_order(&mut self, o: &OrderRecord, count_cod: bool) {
        self.add(o.kind(count_cod), o.value(), o.refund, o.created_at);
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

    fn kind(status: OrderStatus, value: Decimal) -> OrderKind {
        order_kind(counts_as_paid(status, false, true), value)
    }

    #[test]
    fn purchase_needs_payment_and_a_positive_value() {
        use OrderStatus::*;
        assert_eq!(kind(Completed, dec!(10)), OrderKind::Purchase);
        assert_eq!(kind(Paid, dec!(0.01)), OrderKind::Purchase);
        assert_eq!(kind(Completed, dec!(0)), OrderKind::Other, "fully refunded");
        assert_eq!(kind(Unpaid, dec!(10)), OrderKind::Other);
        assert_eq!(kind(Closed, dec!(10)), OrderKind::Other);
        assert_eq!(kind(Refunded, dec!(10)), OrderKind::Other);
        assert_eq!(kind(Completed, dec!(-5)), OrderKind::RefundDocument);
        assert_eq!(order_value(dec!(99.90), dec!(20.00)), dec!(79.90));
    }

    #[test]
    fn cash_on_delivery_counts_once_shipped_when_the_shop_counts_it() {
        use OrderStatus::*;
        let cod: Vec<OrderStatus> = OrderStatus::ALL.into_iter().filter(|&s| counts_as_paid(s, true, true)).collect();
        assert_eq!(cod, [Shipped, Completed], "an unshipped COD order has not been paid");
        assert!(OrderStatus::ALL.into_iter().all(|s| !counts_as_paid(s, true, false)), "the shop counts no COD");
        // A confirmed order is paid whatever the shop's setting.
        assert!(counts_as_paid(Paid, false, false));
        let order = OrderRecord {
            order_no: "#1113".into(),
            status: Completed,
            created_at: at(1),
            paid_at: None,
            amount_paid: dec!(45.00),
            refund: dec!(0),
            cod: true,
            items: vec![],
            coupon_code: None,
            discount: None,
        };
        assert_eq!(order.kind(true), OrderKind::Purchase);
        assert!(order.counted_as_cod(true));
        assert_eq!(order.kind(false), OrderKind::Other);
        assert!(!order.counted_as_cod(false));
        let paid = OrderRecord { cod: false, ..order };
        assert!(!paid.counted_as_cod(true), "a confirmed payment counts on its own");
    }

    #[test]
    fn totals_subtract_refund_documents_and_ignore_unpaid() {
        let mut t = CustomerTotals::default();
        let mut add = |status, paid: Decimal, refund: Decimal, day| {
            let value = order_value(paid, refund);
            t.add(kind(status, value), value, refund, at(day))
        };
        add(OrderStatus::Completed, dec!(100.00), dec!(0), 3);
        add(OrderStatus::Completed, dec!(50.00), dec!(10.00), 1);
        add(OrderStatus::Unpaid, dec!(30.00), dec!(0), 9);
        add(OrderStatus::Completed, dec!(-15.50), dec!(0), 5);
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

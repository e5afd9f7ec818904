//! What one row of an export says, normalized, and how consecutive rows of the
//! same order become one [`ImportedOrder`]. Exports put an order on one row
//! (Taobao), or one row per line item with the order's fields repeated (JD), on
//! the first row only (Shopify), or split across sub-orders whose amounts add up
//! (Douyin); [`Amount`] says which, and the assembler does the rest.

use crate::archive::{BuyerIdentity, CustomerRecord, ItemRecord, OrderRecord};
use crate::OrderStatus;
use chrono::{DateTime, Utc};
use compact_str::CompactString;
use rust_decimal::Decimal;

pub use super::rejection::{Rejection, RowProblem};

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
    /// The shop the export says the order was placed in (a 店铺名称 column).
    pub shop: Option<CompactString>,
    /// Cash on delivery, paid only when the export says so (see `OrderRecord::cod`).
    pub cod: bool,
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
    /// The coupon code(s) the row names (see `OrderRecord::coupon_code`).
    pub coupon_code: Option<String>,
    /// The shop's discount, on the order (first row wins) or its share of it (summed).
    pub discount: Amount,
    pub items: Vec<ItemRecord>,
}

impl Line {
    /// The row's order is paid on delivery: its status as the archive keeps such
    /// an order (see [`crate::import::status::cash_on_delivery`]).
    pub fn cash_on_delivery(&mut self) {
        if let Some(s) = self.status {
            let (status, cod) = crate::import::status::cash_on_delivery(s);
            self.status = Some(status);
            self.cod = cod;
        }
    }

    pub fn new(row: u64, order_no: CompactString) -> Self {
        Line {
            row,
            order_no,
            buyer: None,
            shop: None,
            cod: false,
            profile: CustomerRecord::default(),
            status: None,
            created_at: None,
            paid_at: None,
            amount: Amount::Missing,
            refund: Decimal::ZERO,
            order_adjust: None,
            coupon_code: None,
            discount: Amount::Missing,
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
    /// The shop the export names for the order, if it names one (short: inline).
    pub shop: Option<CompactString>,
    pub profile: CustomerRecord,
    pub order: OrderRecord,
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

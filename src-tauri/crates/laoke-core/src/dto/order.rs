//! One order as the archive holds it, with its lines: the profile's order
//! history and the import tests read orders through this.

use crate::{OrderStatus, Platform};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrderView {
    pub platform: Platform,
    #[ts(type = "number")]
    pub shop_id: i64,
    pub order_no: String,
    pub buyer_id: Option<String>,
    pub status: OrderStatus,
    /// Cash on delivery, payment not confirmed by the export.
    pub cod: bool,
    pub created_at: String,
    pub paid_at: Option<String>,
    #[ts(type = "string")]
    pub amount_paid: Decimal,
    #[ts(type = "string")]
    pub refund: Decimal,
    #[ts(type = "string")]
    pub value: Decimal,
    pub purchase: bool,
    pub items: Vec<OrderLineView>,
    /// The coupon code(s) the export named for the order.
    pub coupon_code: Option<String>,
    /// The shop's own discount on the order, when the export says.
    #[ts(type = "string | null")]
    pub discount: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrderLineView {
    pub title: String,
    pub sku: Option<String>,
    #[ts(type = "number")]
    pub quantity: i64,
    #[ts(type = "string | null")]
    pub unit_price: Option<Decimal>,
}

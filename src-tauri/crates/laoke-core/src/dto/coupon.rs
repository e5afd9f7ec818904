//! Coupon plans as they cross IPC and the CLI's JSON: a plan file
//! (`laoke coupons add --plan FILE.json`) is a [`CouponPlan`]; its estimate
//! before it goes out is a [`CouponEstimate`]; what it did, [`CouponResults`].
//! The rules are in `crate::coupon`.

use super::Target;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    TS,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum CouponKind {
    /// 满X减Y: `amount` off an order of at least `threshold`.
    AmountOff,
    /// A discount: the order costs `discount` of its price (0.90 = 9折).
    Discount,
}

/// A coupon plan: what it gives, to whom, for how long, how many.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CouponPlan {
    /// Given by the archive; absent in a plan file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub id: Option<i64>,
    pub name: String,
    pub kind: CouponKind,
    /// The least an order must cost (0: any order).
    #[serde(default)]
    #[ts(type = "string")]
    pub threshold: Decimal,
    /// Amount off (`amount_off`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub amount: Option<Decimal>,
    /// The share of the price paid (`discount`), 0 < d < 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub discount: Option<Decimal>,
    pub quantity: u32,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    /// `null`: everyone; `{"segment"}`, `{"tier"}` or `{"filter"}` as in care rules.
    #[serde(default)]
    pub target: Option<Target>,
    /// The code or words buyers use (what `{coupon}` says with the offer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub code: Option<String>,
}

/// Where an expected redemption rate comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum RateSource {
    /// The shop's earlier plans of the same kind that have results.
    History,
    /// The documented default of the kind (`coupon::DEFAULT_RATES`).
    Default,
}

/// What a plan will cost before it goes out: a range, never one false-precise number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CouponEstimate {
    /// Customers the target holds now.
    pub target_size: u32,
    /// Coupons handed out: the quantity, or fewer when the target is smaller.
    pub handed_out: u32,
    /// Expected share redeemed (4 places), with its low and high.
    #[ts(type = "string")]
    pub redemption_rate: Decimal,
    #[ts(type = "string")]
    pub rate_low: Decimal,
    #[ts(type = "string")]
    pub rate_high: Decimal,
    pub rate_source: RateSource,
    /// Earlier plans the rate was learned from.
    pub history_plans: u32,
    pub expected_redemptions: u32,
    /// What one redemption costs: the amount off, or the discount on the
    /// target's average order (at least the threshold).
    #[ts(type = "string")]
    pub per_redemption: Decimal,
    #[ts(type = "string")]
    pub cost_low: Decimal,
    #[ts(type = "string")]
    pub cost_expected: Decimal,
    #[ts(type = "string")]
    pub cost_high: Decimal,
}

/// Where a plan's results come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::IntoStaticStr, strum::EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum ResultSource {
    /// Redemptions the seller entered; orders are the target's purchases in the
    /// validity window that met the threshold (the orders it could have been used on).
    Hand,
    /// Redemptions matched in the imported orders (`coupon::redemption`); orders
    /// are those orders, cost their discounts.
    Orders,
}

/// What a plan did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CouponResults {
    pub redeemed: u32,
    #[ts(type = "string")]
    pub cost: Decimal,
    /// Hand: purchases by the target in the validity window at or above the
    /// threshold; orders: the orders that redeemed the coupon.
    pub orders: u32,
    #[ts(type = "string")]
    pub revenue: Decimal,
    /// (revenue − cost) / cost, 4 places; none without a cost.
    #[ts(type = "string | null")]
    pub roi: Option<Decimal>,
    pub source: ResultSource,
    /// Of the matched redemptions, those whose order named the plan's code, and
    /// those whose shop discount was exactly the plan's offer (0 for hand results).
    pub by_code: u32,
    pub by_offer: u32,
}

/// A plan with its estimate and, once entered, its results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CouponView {
    #[ts(type = "number")]
    pub id: i64,
    pub plan: CouponPlan,
    /// What `{coupon}` says: the offer in the shop's language, and the code.
    pub offer: String,
    pub estimate: CouponEstimate,
    /// The recorded results: entered by hand, or taken over from the orders (then
    /// kept up to date with each import).
    pub results: Option<CouponResults>,
    /// What the imported orders show now, when any order redeemed the plan.
    pub matched: Option<CouponResults>,
}

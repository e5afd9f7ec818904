//! Coupon plans: reading and checking a plan file, its offer in words (what
//! `{coupon}` says), and what it will cost before it goes out.
//!
//! The estimate is a range, never one false-precise number:
//! - coupons handed out = the quantity, or the target's size when smaller;
//! - the redemption rate is the shop's own where earlier plans of the same kind
//!   have results (pooled: Σ redeemed / Σ handed out, with the Wilson 95 %
//!   interval as its low and high), else the kind's documented default
//!   ([`DEFAULT_RATES`]);
//! - one redemption costs the amount off, or for a discount the discount on the
//!   target's average order (at least the threshold);
//! - cost low / expected / high = handed out × rate low / expected / high × that.
//!
//! The defaults are assumptions, stated as such in the UI: targeted coupons to
//! a shop's own customers are redeemed at a few per cent to the mid teens, an
//! amount off more often than a percentage (it reads as money).

use crate::dto::{CouponEstimate, CouponKind, CouponPlan, CouponResults, RateSource, ResultSource};
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// Why a coupon plan or its results cannot be saved.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(untagged)]
#[strum(prefix = "coupon.", serialize_all = "snake_case")]
pub enum CouponError {
    #[error("the plan file is not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("{path}: missing or not a valid value")]
    FieldInvalid { path: String },
    #[error("{field}: {value:?} is not a date that exists (YYYY-MM-DD)")]
    DateInvalid { field: String, value: String },
    #[error("{field}: {value:?} is not an amount")]
    NotANumber { field: String, value: String },
    #[error("a plan needs a name of 1 to {max} characters")]
    NameLength { max: usize },
    #[error("an amount-off coupon needs an amount above zero")]
    AmountMissing,
    #[error("the amount off ({amount}) must be less than the threshold ({threshold})")]
    AmountExceedsThreshold { amount: Decimal, threshold: Decimal },
    #[error("the threshold cannot be negative ({value})")]
    ThresholdNegative { value: Decimal },
    #[error("a discount coupon needs a discount between 0 and 1 (0.90 = 10 % off), not {value}")]
    DiscountOutOfRange { value: String },
    #[error("the validity ends on {to}, before it starts on {from}")]
    ValidityReversed { from: NaiveDate, to: NaiveDate },
    #[error("a plan hands out at least one coupon")]
    QuantityZero,
    #[error("the code is at most {max} characters")]
    CodeTooLong { max: usize },
    #[error("there is no segment {name:?}")]
    UnknownSegment { name: String },
    #[error("the membership ladder has no tier {name:?}")]
    UnknownTier { name: String },
    #[error("there is no coupon plan {id}")]
    NotFound { id: i64 },
    #[error("{field} cannot be negative ({value})")]
    NegativeCount { field: String, value: i64 },
}

crate::coded_errors!(CouponError);

pub const NAME_MAX: usize = 40;
pub const CODE_MAX: usize = 40;

/// A kind's default redemption rate: expected, low, high (in ten-thousandths).
pub struct DefaultRate {
    pub kind: CouponKind,
    pub expected: i64,
    pub low: i64,
    pub high: i64,
}

/// The documented defaults when the shop has no results of its own yet.
pub const DEFAULT_RATES: [DefaultRate; 2] = [
    DefaultRate { kind: CouponKind::AmountOff, expected: 800, low: 400, high: 1500 },
    DefaultRate { kind: CouponKind::Discount, expected: 600, low: 300, high: 1200 },
];

/// Reads a plan file. Dates and amounts are looked at first, so that a 30 February
/// or `"20元"` gets its own code.
pub fn parse(text: &str) -> Result<CouponPlan, CouponError> {
    let mut value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| CouponError::NotJson { line: e.line(), column: e.column() })?;
    for field in ["valid_from", "valid_to"] {
        if let Some(d) = value.get(field).and_then(|d| d.as_str()) {
            if d.trim().parse::<NaiveDate>().is_err() {
                return Err(CouponError::DateInvalid { field: field.into(), value: d.to_owned() });
            }
        }
    }
    for field in ["threshold", "amount", "discount"] {
        if let Some(v) = value.get_mut(field).filter(|v| !v.is_null()) {
            let text = match &*v {
                serde_json::Value::String(s) => s.trim().to_owned(),
                other => other.to_string(),
            };
            let n: Decimal = text.parse().map_err(|_| CouponError::NotANumber { field: field.into(), value: text })?;
            *v = serde_json::Value::String(n.to_string());
        }
    }
    serde_path_to_error::deserialize(value).map_err(|e| CouponError::FieldInvalid { path: e.path().to_string() })
}

/// Checks what the core can; the target is the store's to check.
pub fn check(p: &CouponPlan) -> Result<(), CouponError> {
    let name = p.name.trim().chars().count();
    if name == 0 || name > NAME_MAX {
        return Err(CouponError::NameLength { max: NAME_MAX });
    }
    if p.threshold.is_sign_negative() && !p.threshold.is_zero() {
        return Err(CouponError::ThresholdNegative { value: p.threshold });
    }
    match p.kind {
        CouponKind::AmountOff => {
            let amount = p.amount.filter(|a| *a > Decimal::ZERO).ok_or(CouponError::AmountMissing)?;
            // 满20减20 gives the goods away; an amount off is less than what it is taken from.
            if !p.threshold.is_zero() && amount >= p.threshold {
                return Err(CouponError::AmountExceedsThreshold { amount, threshold: p.threshold });
            }
        }
        CouponKind::Discount => {
            let d = p.discount.ok_or(CouponError::DiscountOutOfRange { value: String::new() })?;
            if d <= Decimal::ZERO || d >= Decimal::ONE {
                return Err(CouponError::DiscountOutOfRange { value: d.to_string() });
            }
        }
    }
    if p.valid_to < p.valid_from {
        return Err(CouponError::ValidityReversed { from: p.valid_from, to: p.valid_to });
    }
    if p.quantity == 0 {
        return Err(CouponError::QuantityZero);
    }
    if p.code.as_deref().is_some_and(|c| c.chars().count() > CODE_MAX) {
        return Err(CouponError::CodeTooLong { max: CODE_MAX });
    }
    Ok(())
}

/// The offer in words, as `{coupon}` says it: 满199减20 / 9折, with the code.
pub fn offer(p: &CouponPlan, english: bool) -> String {
    let money = |d: Decimal| d.normalize().to_string();
    let what = match (p.kind, english) {
        (CouponKind::AmountOff, false) => {
            let amount = money(p.amount.unwrap_or_default());
            if p.threshold.is_zero() {
                format!("立减{amount}元")
            } else {
                format!("满{}减{amount}", money(p.threshold))
            }
        }
        (CouponKind::AmountOff, true) => {
            let amount = money(p.amount.unwrap_or_default());
            if p.threshold.is_zero() {
                format!("{amount} off")
            } else {
                format!("{amount} off orders of {} or more", money(p.threshold))
            }
        }
        (CouponKind::Discount, false) => {
            let zhe = money(p.discount.unwrap_or(Decimal::ONE) * Decimal::TEN);
            if p.threshold.is_zero() {
                format!("{zhe}折")
            } else {
                format!("满{}享{zhe}折", money(p.threshold))
            }
        }
        (CouponKind::Discount, true) => {
            let off = money((Decimal::ONE - p.discount.unwrap_or(Decimal::ONE)) * Decimal::ONE_HUNDRED);
            if p.threshold.is_zero() {
                format!("{off}% off")
            } else {
                format!("{off}% off orders of {} or more", money(p.threshold))
            }
        }
    };
    match p.code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) if english => format!("{what}, code {code}"),
        Some(code) => format!("{what}，券码 {code}"),
        None => what,
    }
}

/// What the estimate knows of the shop.
pub struct EstimateInputs<'a> {
    /// Customers the target holds.
    pub target_size: u32,
    /// The target's average purchase value, if it has purchases.
    pub target_aov: Option<Decimal>,
    /// Earlier plans of the same kind with results: (redeemed, handed out).
    pub history: &'a [(u32, u32)],
}

fn money(d: Decimal) -> Decimal {
    crate::stats::rounded(d, 2)
}

fn rate(d: Decimal) -> Decimal {
    crate::stats::rounded(d, 4)
}

/// What one redemption costs: the amount off, or the discount on the target's
/// average order, the threshold at least.
pub fn per_redemption(p: &CouponPlan, target_aov: Option<Decimal>) -> Decimal {
    match p.kind {
        CouponKind::AmountOff => money(p.amount.unwrap_or_default()),
        CouponKind::Discount => {
            let order = target_aov.unwrap_or_default().max(p.threshold);
            money((Decimal::ONE - p.discount.unwrap_or(Decimal::ONE)) * order)
        }
    }
}

/// The Wilson score interval (z = 1.96) of `k` successes in `n`, as (low, high).
fn wilson(k: u32, n: u32) -> (f64, f64) {
    let (k, n, z) = (f64::from(k), f64::from(n), 1.96_f64);
    let p = k / n;
    let centre = p + z * z / (2.0 * n);
    let spread = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
    let denom = 1.0 + z * z / n;
    (((centre - spread) / denom).max(0.0), ((centre + spread) / denom).min(1.0))
}

/// The plan's expected cost, as a range (see the module's documentation).
pub fn estimate(p: &CouponPlan, inputs: &EstimateInputs) -> CouponEstimate {
    let handed = p.quantity.min(inputs.target_size);
    let (redeemed, out): (u32, u32) = inputs.history.iter().fold((0, 0), |(r, o), (hr, ho)| (r + hr.min(ho), o + ho));
    let (expected, low, high, source) = if out > 0 {
        let (lo, hi) = wilson(redeemed, out);
        let f = |x: f64| rate(Decimal::from_f64_retain(x).unwrap_or_default());
        (rate(Decimal::from(redeemed) / Decimal::from(out)), f(lo), f(hi), RateSource::History)
    } else {
        let d = DEFAULT_RATES.iter().find(|d| d.kind == p.kind).unwrap_or(&DEFAULT_RATES[0]);
        (Decimal::new(d.expected, 4), Decimal::new(d.low, 4), Decimal::new(d.high, 4), RateSource::Default)
    };
    let per = per_redemption(p, inputs.target_aov);
    let handed_d = Decimal::from(handed);
    let expected_redemptions = (handed_d * expected)
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .try_into()
        .unwrap_or(0u32);
    CouponEstimate {
        target_size: inputs.target_size,
        handed_out: handed,
        redemption_rate: expected,
        rate_low: low,
        rate_high: high,
        rate_source: source,
        history_plans: inputs.history.iter().filter(|(_, o)| *o > 0).count() as u32,
        expected_redemptions,
        per_redemption: per,
        cost_low: money(handed_d * low * per),
        cost_expected: money(Decimal::from(expected_redemptions) * per),
        cost_high: money(handed_d * high * per),
    }
}

/// A plan's results: `redeemed` coupons at `per` each, against the revenue of
/// the orders they could have been used on.
pub fn results(redeemed: u32, per: Decimal, orders: u32, revenue: Decimal) -> CouponResults {
    let cost = money(Decimal::from(redeemed) * per);
    CouponResults {
        redeemed,
        cost,
        orders,
        revenue: money(revenue),
        roi: crate::activity::roi(revenue, cost),
        source: ResultSource::Hand,
        by_code: 0,
        by_offer: 0,
    }
}

/// A purchase made within a plan's validity window, as redemption matching sees it.
#[derive(Debug, Clone, Copy)]
pub struct Purchase<'a> {
    /// Its buyer is in the plan's target.
    pub in_target: bool,
    pub amount_paid: Decimal,
    /// What it is worth to the shop (paid minus refunded).
    pub value: Decimal,
    pub coupon_code: Option<&'a str>,
    pub discount: Option<Decimal>,
}

/// How an order was matched to a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    /// The order names the plan's code (any buyer: a code is passed on).
    Code,
    /// A plan without a code: a target buyer's order whose shop discount is exactly
    /// the plan's offer on an order that reached its threshold.
    Offer,
}

/// Whether purchase `o` redeemed plan `p`. With a code, only its code counts
/// (case-insensitive, as Shopify and WooCommerce compare codes); without one, a
/// shop discount equal to the offer (the amount off, or the discount on the price
/// before it, to the cent) by a buyer in the target, on an order whose price
/// before the discount reached the threshold. Exports that name no code and no
/// discount (Taobao, JD) match nothing: their results are entered by hand.
pub fn redemption(p: &CouponPlan, o: &Purchase) -> Option<MatchedBy> {
    if let Some(code) = p.code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        let names = o
            .coupon_code
            .is_some_and(|codes| crate::archive::coupon_codes(codes).any(|c| c.eq_ignore_ascii_case(code)));
        return names.then_some(MatchedBy::Code);
    }
    let discount = o.discount.filter(|d| *d > Decimal::ZERO)?;
    let price = o.amount_paid + discount;
    if !o.in_target || price < p.threshold {
        return None;
    }
    let offer = match p.kind {
        CouponKind::AmountOff => p.amount.unwrap_or_default(),
        CouponKind::Discount => money((Decimal::ONE - p.discount.unwrap_or(Decimal::ONE)) * price),
    };
    (money(discount) == money(offer)).then_some(MatchedBy::Offer)
}

/// The results the orders show: every purchase that redeemed `p` costs its
/// discount (or `per` where the export names the code but not the amount) and
/// brings its value.
pub fn matched_results<'a>(
    p: &CouponPlan,
    per: Decimal,
    purchases: impl IntoIterator<Item = Purchase<'a>>,
) -> CouponResults {
    let (mut by_code, mut by_offer, mut cost, mut revenue) = (0u32, 0u32, Decimal::ZERO, Decimal::ZERO);
    for o in purchases {
        match redemption(p, &o) {
            Some(MatchedBy::Code) => by_code += 1,
            Some(MatchedBy::Offer) => by_offer += 1,
            None => continue,
        }
        cost += o.discount.filter(|d| *d > Decimal::ZERO).unwrap_or(per);
        revenue += o.value;
    }
    let redeemed = by_code + by_offer;
    let cost = money(cost);
    CouponResults {
        redeemed,
        cost,
        orders: redeemed,
        revenue: money(revenue),
        roi: crate::activity::roi(revenue, cost),
        source: ResultSource::Orders,
        by_code,
        by_offer,
    }
}

#[cfg(test)]
mod tests;

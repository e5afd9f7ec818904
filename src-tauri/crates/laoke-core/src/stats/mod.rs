//! Shop-wide figures: the dashboard and `laoke stats`. The store reads every
//! order once into a [`Ledger`] (compact facts sorted by customer and day, in
//! shop time); each question (a period, some shops, one platform) is then one
//! pass over it in memory, so changing the period does not read the archive again.
//!
//! The definitions (what a purchase is, what revenue is) live in
//! [`crate::archive`] and are only applied here. Those of this module:
//! - A buyer's **cohort** is the calendar month of their first purchase;
//!   retention at +k is the share of the cohort's buyers with a purchase in the
//!   calendar month k after it.
//! - A buyer **became churned** on the day their last purchase is `churn_days` + 1
//!   days behind them with no purchase in between (the lifecycle's churned stage,
//!   [`crate::lifecycle`]); [`churn`] says what that cost.
//! - **Anomalies** are days whose figure left the range of the days before
//!   ([`anomaly`]).

pub mod anomaly;
pub mod churn;
mod fold;

use crate::archive::OrderKind;
use crate::Platform;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// One order as the statistics see it: its kind and value were decided by
/// [`crate::archive`] when the order was written.
#[derive(Debug, Clone, Copy)]
pub struct OrderFacts {
    /// `None` when the export carried no usable buyer identity.
    pub customer_id: Option<i64>,
    pub platform: Platform,
    /// The shop (its id in the archive) the order was placed in.
    pub shop_id: i64,
    pub kind: OrderKind,
    /// Order value; only read for purchases and refund documents.
    pub value: Decimal,
    pub created_at: DateTime<Utc>,
}

/// An order in the ledger: 48 bytes, a million orders in under 50 MB.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Dense customer index; `u32::MAX` for an order without a buyer identity.
    customer: u32,
    /// Days from the common era, shop time.
    day: i32,
    at: i64,
    shop: i64,
    platform: Platform,
    kind: OrderKind,
    value: Decimal,
}

const NO_CUSTOMER: u32 = u32::MAX;

/// Every order of the archive, ready for any question.
pub struct Ledger {
    entries: Vec<Entry>,
}

impl Ledger {
    /// The ledger of `orders`, whose days are taken in `tz`.
    pub fn new(tz: Tz, orders: impl IntoIterator<Item = OrderFacts>) -> Ledger {
        let mut dense: std::collections::HashMap<i64, u32> = std::collections::HashMap::new();
        let mut entries: Vec<Entry> = orders
            .into_iter()
            .map(|o| {
                let next = dense.len() as u32;
                Entry {
                    customer: o.customer_id.map_or(NO_CUSTOMER, |id| *dense.entry(id).or_insert(next)),
                    day: crate::time::local_date(o.created_at, tz).num_days_from_ce(),
                    at: o.created_at.timestamp(),
                    shop: o.shop_id,
                    platform: o.platform,
                    kind: o.kind,
                    value: if o.kind == OrderKind::Other { Decimal::ZERO } else { o.value },
                }
            })
            .collect();
        entries.sort_unstable_by_key(|e| (e.customer, e.at));
        Ledger { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Why a question cannot be answered as asked.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(untagged)]
#[strum(prefix = "stats.", serialize_all = "snake_case")]
pub enum StatsError {
    #[error("{value:?} is not a date (YYYY-MM-DD)")]
    InvalidDate { value: String },
    #[error("the period starts on {from}, after its end {to}")]
    FromAfterTo { from: String, to: String },
}

crate::coded_errors!(StatsError);

/// Shop-time days, both ends included; an open end reaches the first or last order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Period {
    /// The period of `from` and `to` as a seller types them.
    pub fn parse(from: Option<&str>, to: Option<&str>) -> Result<Period, StatsError> {
        let date = |s: &str| {
            NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| StatsError::InvalidDate { value: s.to_owned() })
        };
        let period = Period { from: from.map(date).transpose()?, to: to.map(date).transpose()? };
        if let (Some(f), Some(t)) = (period.from, period.to) {
            if f > t {
                return Err(StatsError::FromAfterTo { from: f.to_string(), to: t.to_string() });
            }
        }
        Ok(period)
    }
}

/// One question to the ledger.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Only these shops' orders (by id).
    pub shops: Option<Vec<i64>>,
    pub platform: Option<Platform>,
    pub period: Period,
    /// Churn and anomalies are only known up to today.
    pub today: NaiveDate,
    /// The lifecycle's churn threshold.
    pub churn_days: u32,
}

impl Scope {
    fn admits(&self, e: &Entry) -> bool {
        self.platform.map_or(true, |p| p == e.platform) && self.shops.as_ref().map_or(true, |s| s.contains(&e.shop))
    }
}

/// A day from its number (days from the common era).
fn date_of(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or_default()
}

/// `year * 12 + month - 1` of a day.
fn month_of(day: i32) -> i32 {
    let d = date_of(day);
    d.year() * 12 + d.month0() as i32
}

/// `YYYY-MM` of a month key.
fn month_text(key: i32) -> String {
    format!("{:04}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1)
}

/// The first day of a month key.
fn month_start(key: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(key.div_euclid(12), key.rem_euclid(12) as u32 + 1, 1).unwrap_or_default()
}

/// Weeks run Monday to Sunday: day 1 of the common era (0001-01-01) was a Monday.
fn week_of(day: i32) -> i32 {
    (day - 1).div_euclid(7)
}

/// `num / den` rounded half away from zero to `dp` places, and exactly that many
/// places even for whole results ("0.00"), so the text is stable for scripts.
pub(crate) fn ratio(num: Decimal, den: Decimal, dp: u32) -> Decimal {
    rounded(if den.is_zero() { Decimal::ZERO } else { num / den }, dp)
}

/// `d` rounded half away from zero to exactly `dp` places ("0.00", not "0").
pub(crate) fn rounded(d: Decimal, dp: u32) -> Decimal {
    let mut r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(dp);
    r
}

#[cfg(test)]
mod tests;

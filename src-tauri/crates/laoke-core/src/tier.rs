//! Membership tiers: the ladder (2–8 tiers, each with an entry rule on value
//! and/or purchases, a discount and benefits), the evaluation window, which tier
//! a customer's standing earns, and thresholds suggested from the shop's own
//! distribution.
//!
//! A customer holds the highest tier whose rule they meet. A rule's minimum that
//! is left out is no condition; a rule with neither minimum admits everyone
//! (a base tier). Discounts are multipliers (`0.95` = 95折 = 5 % off); a higher
//! tier's discount must be at least as deep as the one below it.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TierWindow {
    /// Every purchase ever.
    #[default]
    Lifetime,
    /// Purchases since 1 January of the current year.
    CalendarYear,
    /// Purchases in the last 12 months (the same day a year ago excluded).
    #[serde(rename = "rolling_12m")]
    Rolling12m,
}

impl TierWindow {
    /// The first day (shop time zone) whose purchases count on `today`; none for lifetime.
    pub fn start(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            TierWindow::Lifetime => None,
            TierWindow::CalendarYear => NaiveDate::from_ymd_opt(today.year(), 1, 1),
            TierWindow::Rolling12m => {
                let year_ago = today.with_year(today.year() - 1).or_else(|| {
                    // 29 February: a year earlier there is no such day.
                    NaiveDate::from_ymd_opt(today.year() - 1, 2, 28)
                })?;
                year_ago.succ_opt()
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Combine {
    #[default]
    And,
    Or,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierRule {
    pub name: String,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub min_value: Option<Decimal>,
    #[serde(default)]
    pub min_purchases: Option<u32>,
    #[serde(default)]
    pub combine: Combine,
    /// 0.95 = 5 % off; 1 = no discount.
    #[ts(type = "string")]
    pub discount: Decimal,
    #[serde(default)]
    pub benefits: String,
    /// A CSS colour for the badge (`#d4a017`), chosen by the seller.
    #[serde(default)]
    pub color: Option<String>,
}

impl TierRule {
    pub fn admits(&self, value: Decimal, purchases: u32) -> bool {
        let by_value = self.min_value.map(|m| value >= m);
        let by_purchases = self.min_purchases.map(|m| purchases >= m);
        match (by_value, by_purchases, self.combine) {
            (None, None, _) => true,
            (Some(v), None, _) | (None, Some(v), _) => v,
            (Some(a), Some(b), Combine::And) => a && b,
            (Some(a), Some(b), Combine::Or) => a || b,
        }
    }
}

/// When downgrades happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReviewPeriod {
    Monthly,
    Quarterly,
    #[default]
    Yearly,
}

impl ReviewPeriod {
    /// The first review day strictly after `day`: the first day of the next month, quarter or year.
    pub fn next_review(self, day: NaiveDate) -> NaiveDate {
        let (y, m) = (day.year(), day.month());
        let (ny, nm) = match self {
            ReviewPeriod::Monthly => {
                if m == 12 {
                    (y + 1, 1)
                } else {
                    (y, m + 1)
                }
            }
            ReviewPeriod::Quarterly => {
                let next = (m - 1) / 3 * 3 + 4;
                if next > 12 {
                    (y + 1, 1)
                } else {
                    (y, next)
                }
            }
            ReviewPeriod::Yearly => (y + 1, 1),
        };
        NaiveDate::from_ymd_opt(ny, nm, 1).unwrap_or(day)
    }
}

/// The ladder, lowest tier first, as the `--ladder FILE.json` file writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierLadder {
    #[serde(default)]
    pub window: TierWindow,
    #[serde(default)]
    pub review: ReviewPeriod,
    /// Days after a review before a downgrade takes effect.
    #[serde(default)]
    pub grace_days: u32,
    pub tiers: Vec<TierRule>,
}

impl Default for TierLadder {
    /// Taobao-compatible: 4 grades by spend or purchases, discounts from 98折 to 88折.
    fn default() -> Self {
        let tier = |name: &str, value: i64, purchases: u32, discount: i64, benefits: &str, color: &str| TierRule {
            name: name.to_owned(),
            min_value: Some(Decimal::from(value)),
            min_purchases: Some(purchases),
            combine: Combine::Or,
            discount: Decimal::new(discount, 2),
            benefits: benefits.to_owned(),
            color: Some(color.to_owned()),
        };
        TierLadder {
            window: TierWindow::Lifetime,
            review: ReviewPeriod::Yearly,
            grace_days: 30,
            tiers: vec![
                // Badge colours from plain to precious: grey, blue, gold, deep red.
                tier("普通会员", 1, 1, 98, "会员价", "#8c8c8c"),
                tier("高级会员", 500, 3, 95, "会员价 · 生日礼", "#1677ff"),
                tier("VIP会员", 2000, 6, 92, "会员价 · 生日礼 · 包邮", "#d4a017"),
                tier("至尊VIP", 5000, 12, 88, "会员价 · 生日礼 · 包邮 · 新品优先", "#a8071a"),
            ],
        }
    }
}

/// Why a ladder cannot be saved. Tiers are numbered from 1, the lowest.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, strum::IntoStaticStr, strum::VariantNames,
)]
#[serde(untagged)]
#[strum(prefix = "ladder.", serialize_all = "snake_case")]
pub enum LadderError {
    #[error("a ladder has {min} to {max} tiers, this one has {count}")]
    TierCount { count: usize, min: usize, max: usize },
    #[error("tier {tier}: the name must be 1 to {max} characters")]
    NameLength { tier: usize, max: usize },
    #[error("tier {tier}: tier {other} has the same name")]
    NameRepeated { tier: usize, other: usize },
    #[error("tier {tier}: the discount must be above 0 and at most 1 (0.95 = 5 % off)")]
    DiscountRange { tier: usize },
    #[error("tier {tier}: its discount must be at least as deep as tier {previous}'s")]
    DiscountNotDeeper { tier: usize, previous: usize },
    #[error("tier {tier}: minimums cannot be negative")]
    MinNegative { tier: usize },
    #[error("tier {tier}: the badge colour must be a hex colour such as #d4a017")]
    ColorInvalid { tier: usize },
}

crate::coded_errors!(LadderError);

/// A ladder has this many tiers at least and at most.
pub const TIERS: std::ops::RangeInclusive<usize> = 2..=8;
/// The longest tier name, in characters.
pub const TIER_NAME_MAX: usize = 20;

impl TierLadder {
    pub fn validate(&self) -> Result<(), LadderError> {
        let n = self.tiers.len();
        if !TIERS.contains(&n) {
            return Err(LadderError::TierCount { count: n, min: *TIERS.start(), max: *TIERS.end() });
        }
        for (i, t) in self.tiers.iter().enumerate() {
            let tier = i + 1;
            let name = t.name.trim();
            if name.is_empty() || name.chars().count() > TIER_NAME_MAX {
                return Err(LadderError::NameLength { tier, max: TIER_NAME_MAX });
            }
            if let Some(o) = self.tiers[..i].iter().position(|o| o.name.trim() == name) {
                return Err(LadderError::NameRepeated { tier, other: o + 1 });
            }
            if t.discount <= Decimal::ZERO || t.discount > Decimal::ONE {
                return Err(LadderError::DiscountRange { tier });
            }
            if t.min_value.is_some_and(|v| v < Decimal::ZERO) {
                return Err(LadderError::MinNegative { tier });
            }
            if i > 0 && t.discount > self.tiers[i - 1].discount {
                return Err(LadderError::DiscountNotDeeper { tier, previous: i });
            }
            if t.color.as_deref().is_some_and(|c| !is_hex_colour(c)) {
                return Err(LadderError::ColorInvalid { tier });
            }
        }
        Ok(())
    }

    /// The index of the highest tier a standing earns, if any.
    pub fn tier_of(&self, value: Decimal, purchases: u32) -> Option<usize> {
        self.tiers.iter().rposition(|t| t.admits(value, purchases))
    }
}

/// `#rgb`, `#rrggbb` or either with alpha: the only colours a badge takes, so a
/// ladder file cannot put arbitrary CSS into the page.
fn is_hex_colour(c: &str) -> bool {
    let Some(hex) = c.strip_prefix('#') else { return false };
    matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|ch| ch.is_ascii_hexdigit())
}

/// Entry values for the tiers above the first from the shop's own buyers:
/// the value that puts a buyer in the top 20 %, 5 % and 1 % (and so on for
/// more tiers, halving the share), rounded to a friendly figure.
pub fn suggest_min_values(values_in_window: &[Decimal], tiers: usize) -> Vec<Decimal> {
    let mut sorted: Vec<Decimal> = values_in_window.iter().copied().filter(|v| *v > Decimal::ZERO).collect();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    let shares = [
        Decimal::new(20, 2),
        Decimal::new(5, 2),
        Decimal::new(1, 2),
        Decimal::new(5, 3),
        Decimal::new(2, 3),
        Decimal::new(1, 3),
        Decimal::new(5, 4),
    ];
    (1..tiers)
        .map(|k| {
            let share = shares[(k - 1).min(shares.len() - 1)];
            if sorted.is_empty() {
                return Decimal::ZERO;
            }
            let n = Decimal::from(sorted.len() as u64) * share;
            let idx = n.ceil().to_string().parse::<usize>().unwrap_or(1).clamp(1, sorted.len()) - 1;
            friendly(sorted[idx])
        })
        .collect()
}

/// Points of the threshold slider on the Tiers page: `steps + 1` friendly values,
/// lowest first, where point `i` is the value of the buyer `i / steps` of the way
/// up the shop's distribution. A slider over these moves through the buyers
/// evenly, so the few very large customers do not squeeze everyone else into its
/// first millimetre. Empty when nobody bought in the window.
pub fn value_scale(values_in_window: &[Decimal], steps: usize) -> Vec<Decimal> {
    let mut asc: Vec<Decimal> = values_in_window.iter().copied().filter(|v| *v > Decimal::ZERO).collect();
    if asc.is_empty() || steps == 0 {
        return Vec::new();
    }
    asc.sort_unstable();
    let last = asc.len() - 1;
    (0..=steps).map(|i| friendly(asc[i * last / steps])).collect()
}

/// Rounds down to 2 significant figures (3,874.20 → 3,800), as sellers write thresholds.
fn friendly(v: Decimal) -> Decimal {
    if v < Decimal::from(10) {
        return v.floor();
    }
    let digits = v.trunc().to_string().len() as u32;
    let unit = Decimal::from(10u64.pow(digits.saturating_sub(2)));
    (v / unit).floor() * unit
}

#[cfg(test)]
mod tests;

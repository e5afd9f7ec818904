//! Membership tiers as the CLI and the UI see them: the current state, a
//! what-if preview of a ladder, and a customer's tier history.

use crate::tier::TierLadder;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierCount {
    pub name: String,
    pub customers: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierState {
    pub ladder: TierLadder,
    /// Whether a ladder was ever applied (before that, nobody has a tier).
    pub applied: bool,
    pub tiers: Vec<TierCount>,
    pub no_tier: u32,
    pub pinned: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierOutcome {
    pub name: String,
    /// With the proposed ladder.
    pub customers: u32,
    /// Holding this tier now.
    pub customers_now: u32,
    /// Customers who would enter this tier from a lower one (or from no tier).
    pub moved_up: u32,
    /// Customers who would enter this tier from a higher one.
    pub moved_down: u32,
    /// Share (0–1, 4 decimals) of the window's value that this tier's customers bring.
    #[ts(type = "string")]
    pub revenue_share: Decimal,
    /// The tier discount over this tier's purchases of the last 12 months, had it applied.
    #[ts(type = "string")]
    pub discount_cost: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierPreview {
    pub as_of: String,
    pub tiers: Vec<TierOutcome>,
    pub no_tier: u32,
    pub no_tier_now: u32,
    /// Customers who would go down to no tier.
    pub dropped: u32,
    /// Suggested `min_value` for tiers 2… from the shop's distribution (top 20 %, 5 %, 1 %…).
    #[ts(type = "Array<string>")]
    pub suggested_min_values: Vec<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierChangeView {
    pub from: Option<String>,
    pub to: Option<String>,
    pub on: String,
    /// purchase, review, manual or ladder.
    pub reason: String,
}

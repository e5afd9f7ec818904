//! Membership tiers as the CLI and the UI see them: the current state, a
//! what-if preview of a ladder, and a customer's tier history.

use crate::tier::TierLadder;
use crate::Platform;
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
    pub reason: TierChangeReason,
}

/// Which customers of a preview to list: those moving up, down (including to
/// no tier), or dropping to no tier; `tier` narrows to moves into that tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierMoverQuery {
    pub direction: MoveDirection,
    pub tier: Option<String>,
    pub limit: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MoveDirection {
    Up,
    Down,
    Dropped,
}

/// One customer a proposed ladder would move.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierMove {
    #[ts(type = "number")]
    pub customer_id: i64,
    pub platform: Platform,
    pub buyer_id: String,
    pub nick: String,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Value and purchases in the ladder's window.
    #[ts(type = "string")]
    pub value: Decimal,
    pub purchases: u32,
}

/// The movers of a preview, largest value first, up to the query's limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierMoves {
    pub total: u32,
    pub customers: Vec<TierMove>,
}

/// A tier change anywhere in the shop, newest first on the Tiers page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TierChangeRow {
    #[ts(type = "number")]
    pub customer_id: i64,
    pub buyer_id: String,
    pub nick: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub on: String,
    pub reason: TierChangeReason,
}

/// Why a customer's tier changed; stored and sent as its snake-case name.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    TS,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum TierChangeReason {
    /// A purchase lifted the customer into a higher tier.
    Purchase,
    /// The periodic review moved the customer (down after the grace days).
    Review,
    /// The seller pinned or unpinned the customer by hand.
    Manual,
    /// A new ladder was applied.
    Ladder,
}

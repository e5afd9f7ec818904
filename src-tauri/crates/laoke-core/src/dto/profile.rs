//! A customer's profile page: who they are, what they bought, where they stand,
//! and what the seller wrote; and the edit the seller sends back.

use crate::Platform;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerProfile {
    #[ts(type = "number")]
    pub id: i64,
    pub platform: Platform,
    pub buyer_id: String,
    pub nick: String,
    pub contact: ProfileEdit,
    /// The next day the birthday falls on (YYYY-MM-DD), lunar birthdays converted.
    pub next_birthday: Option<String>,
    pub tags: Vec<String>,
    /// The shops they ordered in, by name, most recent order's first.
    pub shops: Vec<String>,
    pub notes: Vec<NoteView>,
    pub facts: ProfileFacts,
    pub stage: Option<String>,
    pub stage_since: Option<String>,
    pub stage_history: Vec<StageChangeView>,
    pub rfm: Option<String>,
    pub rfm_cell: Option<String>,
    /// Their forecast as of the newest purchase (`laoke predict`'s default, stored by the archive rules):
    /// the chance they still buy (4 places), purchases expected in 90 days, and
    /// the discounted value of the next year's purchases.
    #[ts(type = "string | null")]
    pub p_alive: Option<Decimal>,
    #[ts(type = "string | null")]
    pub expected_90d: Option<Decimal>,
    #[ts(type = "string | null")]
    pub clv: Option<Decimal>,
    pub tier: Option<String>,
    /// The day they got the tier they hold.
    pub tier_since: Option<String>,
    /// Set by hand: recomputes and ladder changes keep it.
    pub tier_pinned: bool,
    /// A pending downgrade takes effect on this day (review period plus grace).
    pub tier_downgrade_due: Option<String>,
    /// Oldest first.
    pub tier_history: Vec<super::TierChangeView>,
    /// What they bought most, by quantity (top 20).
    pub items: Vec<ItemBought>,
    /// Most recent first (at most 100).
    pub orders: Vec<ProfileOrder>,
    /// Other identities merged into this customer.
    pub identities: Vec<Identity>,
    pub created_at: String,
}

/// The fields the seller edits. Each one the seller has saved is never
/// changed by a later import.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileEdit {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub wechat: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub address: Option<String>,
    /// YYYY-MM-DD; with `birthday_lunar`, month and day are lunar.
    pub birthday: Option<String>,
    pub birthday_lunar: bool,
    /// `f` or `m`.
    pub gender: Option<String>,
    pub hobbies: Option<String>,
    pub dnd: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileFacts {
    pub orders: u32,
    pub purchases: u32,
    #[ts(type = "string")]
    pub value: Decimal,
    #[ts(type = "string")]
    pub refunds: Decimal,
    /// Value / purchases, 2 decimals.
    #[ts(type = "string | null")]
    pub aov: Option<Decimal>,
    /// Average days between consecutive purchases, 1 decimal.
    #[ts(type = "string | null")]
    pub days_between_purchases: Option<Decimal>,
    pub first_purchase: Option<String>,
    pub last_purchase: Option<String>,
    pub first_order: Option<String>,
    pub last_order: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NoteView {
    #[ts(type = "number")]
    pub id: i64,
    pub body: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StageChangeView {
    pub from: Option<String>,
    pub to: String,
    pub on: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemBought {
    pub title: String,
    pub category: Option<String>,
    #[ts(type = "number")]
    pub quantity: i64,
    pub orders: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileOrder {
    pub order_no: String,
    pub platform: Platform,
    /// The shop it was placed in, by name.
    pub shop: String,
    pub status: String,
    /// Cash on delivery, payment not confirmed by the export.
    pub cod: bool,
    pub created_at: String,
    #[ts(type = "string")]
    pub value: Decimal,
    pub purchase: bool,
    pub items: Vec<super::OrderLineView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Identity {
    #[ts(type = "number")]
    pub customer_id: i64,
    pub platform: Platform,
    pub buyer_id: String,
    pub nick: String,
}

/// A change applied to many customers at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "tag")]
#[ts(export)]
pub enum BulkAction {
    Tag(String),
    Untag(String),
    DndOn,
    DndOff,
}

/// Which customers a bulk action or export covers: the ids picked, or every
/// customer the list query matches (all pages).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BulkTarget {
    #[ts(optional, type = "Array<number>")]
    #[serde(default)]
    pub ids: Option<Vec<i64>>,
    #[ts(optional)]
    #[serde(default)]
    pub query: Option<super::CustomerQuery>,
}

/// Customers that look like one person: the same real (unmasked) phone or email.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MergeSuggestion {
    /// `phone` or `email`.
    pub reason: String,
    pub value: String,
    pub customers: Vec<super::CustomerRow>,
}

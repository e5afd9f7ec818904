//! The filter a segment saves: conditions over customer fields, combined with
//! AND / OR in nested groups. This is the JSON the UI edits, the CLI reads and
//! the `segments` table stores:
//!
//! ```json
//! {"match": "all", "rules": [
//!   {"field": "stage", "op": "in", "values": ["sleeping", "churned"]},
//!   {"match": "any", "rules": [
//!     {"field": "value", "op": "gte", "values": ["500"]},
//!     {"field": "tag", "op": "in", "values": ["老客"]}]}]}
//! ```
//!
//! Values are always strings in the file, parsed by the field's type when the
//! filter is compiled, so a bad value is reported with its rule's place.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Match {
    /// Every rule holds (AND).
    #[default]
    All,
    /// At least one rule holds (OR).
    Any,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Filter {
    #[serde(rename = "match", default)]
    pub match_: Match,
    #[serde(default)]
    pub rules: Vec<Rule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(untagged)]
#[ts(export)]
pub enum Rule {
    Condition(Condition),
    Group(Filter),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Condition {
    pub field: Field,
    pub op: Op,
    #[serde(default)]
    pub values: Vec<String>,
}

/// Every customer field a filter can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Field {
    Platform,
    Nick,
    Stage,
    /// The RFM group name (champions, at_risk…).
    Rfm,
    RfmR,
    RfmF,
    RfmM,
    Tier,
    Tag,
    /// A shop the customer has ordered in (by shop name; a name held by shops on
    /// two platforms means both).
    Shop,
    Province,
    City,
    Gender,
    Value,
    Purchases,
    Orders,
    FirstPurchase,
    LastPurchase,
    FirstOrder,
    LastOrder,
    BirthdayMonth,
    Dnd,
    /// An item title bought (contains the text).
    Item,
    /// A category bought.
    Category,
    /// A day (shop time) with a purchase of theirs: `bought_on between 2025-03-01 2025-03-31`.
    BoughtOn,
    /// P(alive): the chance (0–1) that the buyer still buys ([`crate::predict`]).
    PAlive,
    /// Purchases expected in the next 90 days.
    #[serde(rename = "expected_90d")]
    Expected90d,
    /// Customer lifetime value: the discounted value of the next year's expected purchases.
    Clv,
}

/// What kind of value a field holds, which decides the operators it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// A value from a fixed or user-made list: eq, ne, in, not_in, is_set, not_set.
    Choice,
    /// Free text: also contains.
    Text,
    /// A number (money or count): comparisons and between.
    Number,
    /// A calendar date in the shop's time zone: comparisons, between, within_days, older_than_days.
    Date,
    /// Yes or no: eq, ne (in with one value, as `dnd=true` on the command line writes it).
    Flag,
}

impl Field {
    pub fn kind(self) -> FieldKind {
        use Field::*;
        match self {
            Platform | Stage | Rfm | Tier | Tag | Shop | Gender | Province | City => FieldKind::Choice,
            Nick | Item | Category => FieldKind::Text,
            RfmR | RfmF | RfmM | Value | Purchases | Orders | BirthdayMonth | PAlive | Expected90d | Clv => {
                FieldKind::Number
            }
            FirstPurchase | LastPurchase | FirstOrder | LastOrder | BoughtOn => FieldKind::Date,
            Dnd => FieldKind::Flag,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Op {
    Eq,
    Ne,
    In,
    NotIn,
    Gt,
    Gte,
    Lt,
    Lte,
    /// Two values, both ends included.
    Between,
    Contains,
    IsSet,
    NotSet,
    /// Dates only: within the last N days (today included).
    WithinDays,
    /// Dates only: more than N days ago.
    OlderThanDays,
}

impl Op {
    pub fn fits(self, kind: FieldKind) -> bool {
        use Op::*;
        match kind {
            FieldKind::Choice => matches!(self, Eq | Ne | In | NotIn | IsSet | NotSet),
            FieldKind::Text => matches!(self, Eq | Ne | In | NotIn | Contains | IsSet | NotSet),
            FieldKind::Number => matches!(self, Eq | Ne | In | NotIn | Gt | Gte | Lt | Lte | Between | IsSet | NotSet),
            FieldKind::Date => {
                matches!(self, Eq | Gt | Gte | Lt | Lte | Between | IsSet | NotSet | WithinDays | OlderThanDays)
            }
            FieldKind::Flag => matches!(self, Eq | Ne | In),
        }
    }
}

impl Filter {
    /// Whether the filter has no conditions (it matches everyone).
    pub fn is_empty(&self) -> bool {
        self.rules.iter().all(|r| match r {
            Rule::Condition(_) => false,
            Rule::Group(g) => g.is_empty(),
        })
    }

    /// Every condition, depth first (to find the item conditions to resolve).
    pub fn conditions(&self) -> Vec<&Condition> {
        let mut out = Vec::new();
        for r in &self.rules {
            match r {
                Rule::Condition(c) => out.push(c),
                Rule::Group(g) => out.extend(g.conditions()),
            }
        }
        out
    }

    /// All of `conditions`, as one AND group.
    pub fn all(conditions: Vec<Condition>) -> Filter {
        Filter { match_: Match::All, rules: conditions.into_iter().map(Rule::Condition).collect() }
    }
}

//! The `data-changed` event: every write tells the UI which query families to refresh.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A family of UI queries that a write can make stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum DataTag {
    Customers,
    Orders,
    Stats,
    Settings,
    Info,
    /// The import history and saved column mappings.
    Imports,
    /// Saved segments.
    Segments,
    /// The shop list (an import may add a shop or name one).
    Shops,
    /// Care rules and the outbox: what is planned, skipped, sent.
    Care,
    /// Fan-group activities, their types and the planner's settings.
    Activities,
    /// Coupon plans and their results.
    Coupons,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DataChanged {
    pub tags: Vec<DataTag>,
}

impl DataChanged {
    /// What a change to orders (an import, the demo shop) makes stale.
    pub fn archive() -> Self {
        DataChanged {
            tags: vec![
                DataTag::Customers,
                DataTag::Orders,
                DataTag::Stats,
                DataTag::Info,
                DataTag::Imports,
                DataTag::Shops,
                DataTag::Care,
            ],
        }
    }

    /// Customer profiles, tags, stages: what the list, profiles and segment counts show.
    pub fn customers() -> Self {
        DataChanged { tags: vec![DataTag::Customers, DataTag::Segments, DataTag::Info, DataTag::Care] }
    }

    /// Every family: the archive was replaced (a restore) or could not be read before (unlocked).
    pub fn everything() -> Self {
        DataChanged { tags: <DataTag as strum::VariantArray>::VARIANTS.to_vec() }
    }

    pub fn settings() -> Self {
        DataChanged { tags: vec![DataTag::Settings, DataTag::Care] }
    }
}

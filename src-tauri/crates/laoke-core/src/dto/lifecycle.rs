//! Stage counts, threshold previews and RFM summaries.

use crate::lifecycle::StageThresholds;
use crate::rfm::Pareto;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// How many customers are in each stage on a day; every customer is in exactly one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StageCounts {
    /// YYYY-MM-DD in the shop's time zone.
    pub as_of: String,
    pub stages: BTreeMap<String, u32>,
}

/// What recomputing the archive rules did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecomputeReport {
    pub as_of: String,
    pub stages: BTreeMap<String, u32>,
    pub rfm: BTreeMap<String, u32>,
    /// Customers whose stage changed (recorded in their history).
    pub stage_changes: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StageMove {
    pub from: String,
    pub to: String,
    pub customers: u32,
}

/// Stages now and with proposed thresholds, before anything is saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StagePreview {
    pub as_of: String,
    pub thresholds: StageThresholds,
    pub current: BTreeMap<String, u32>,
    pub proposed: BTreeMap<String, u32>,
    /// Only the pairs with customers moving, largest first.
    pub moves: Vec<StageMove>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RfmSummary {
    pub as_of: String,
    pub groups: BTreeMap<String, u32>,
    pub pareto: Pareto,
}

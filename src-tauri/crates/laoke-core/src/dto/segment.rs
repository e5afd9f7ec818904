//! Saved segments and their counts.

use crate::segment::Filter;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Segment {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub filter: Filter,
    pub created_at: String,
    pub updated_at: String,
}

/// How many customers a segment (or a filter being edited) holds now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SegmentCount {
    pub customers: u32,
    /// Of all customers in the archive.
    pub of: u32,
}

//! What `laoke info` and the app's first-run check report about a database.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DbInfo {
    pub path: String,
    pub schema_version: u32,
    pub counts: RowCounts,
}

/// Rows per table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RowCounts {
    pub shops: u32,
    pub customers: u32,
    pub orders: u32,
    pub order_items: u32,
    pub tags: u32,
    pub customer_tags: u32,
    pub notes: u32,
    pub settings: u32,
    pub import_batches: u32,
}

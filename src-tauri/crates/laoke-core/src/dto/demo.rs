//! Asking for a demo shop, watching it being built, and what was built.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DemoRequest {
    pub customers: u32,
    #[ts(type = "number")]
    pub seed: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DemoProgress {
    /// `customers` while rows are written, `finishing` while indexes settle.
    pub phase: String,
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DemoReport {
    pub customers: u32,
    pub orders: u32,
    pub order_items: u32,
    #[ts(type = "number")]
    pub elapsed_ms: u64,
}

//! One page of the customer list, and the query that asks for it.

use crate::Platform;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CustomerSort {
    Nick,
    Purchases,
    #[default]
    Value,
    FirstPurchase,
    LastPurchase,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerQuery {
    /// Matched against nick, name, buyer id, phone and email.
    pub search: Option<String>,
    pub platform: Option<Platform>,
    pub sort: CustomerSort,
    pub desc: bool,
    pub offset: u32,
    pub limit: u32,
}

impl Default for CustomerQuery {
    fn default() -> Self {
        CustomerQuery { search: None, platform: None, sort: CustomerSort::Value, desc: true, offset: 0, limit: 50 }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerRow {
    #[ts(type = "number")]
    pub id: i64,
    pub platform: Platform,
    pub buyer_id: String,
    pub nick: String,
    pub purchases: u32,
    /// Orders of any status.
    pub orders: u32,
    /// Purchase values minus refund documents.
    #[ts(type = "string")]
    pub value: Decimal,
    pub first_purchase: Option<String>,
    pub last_purchase: Option<String>,
    /// Lifecycle stage, RFM group and tier are filled in by the archive rules.
    pub stage: Option<String>,
    pub rfm: Option<String>,
    pub tier: Option<String>,
    pub tags: Vec<String>,
    pub province: Option<String>,
    pub city: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerPage {
    pub total: u32,
    pub customers: Vec<CustomerRow>,
}

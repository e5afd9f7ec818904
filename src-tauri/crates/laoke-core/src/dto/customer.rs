//! One page of the customer list, and the query that asks for it.

use crate::segment::{Filter, SortField, SortKey};
use crate::Platform;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerQuery {
    /// Matched against nick, name, buyer id, phone, email, order numbers and note text.
    pub search: Option<String>,
    pub platform: Option<Platform>,
    /// Further conditions (AND with the platform and the segment).
    #[serde(default)]
    #[ts(optional)]
    pub filter: Option<Filter>,
    /// A saved segment the customers must be in.
    #[serde(default)]
    #[ts(optional, type = "number")]
    pub segment_id: Option<i64>,
    pub sort: SortField,
    pub desc: bool,
    /// Keys that order customers the first key leaves tied.
    #[serde(default)]
    #[ts(optional)]
    pub then_by: Option<Vec<SortKey>>,
    pub offset: u32,
    pub limit: u32,
}

impl CustomerQuery {
    /// Every sort key in order.
    pub fn sort_keys(&self) -> Vec<SortKey> {
        let mut keys = vec![SortKey { field: self.sort, desc: self.desc }];
        keys.extend(self.then_by.iter().flatten().copied());
        keys
    }
}

impl Default for CustomerQuery {
    fn default() -> Self {
        CustomerQuery {
            search: None,
            platform: None,
            filter: None,
            segment_id: None,
            sort: SortField::Value,
            desc: true,
            then_by: None,
            offset: 0,
            limit: 50,
        }
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
    /// The RFM group (champions, at_risk…).
    pub rfm: Option<String>,
    /// The RFM cell, `R5F4M3`.
    pub rfm_cell: Option<String>,
    pub tier: Option<String>,
    pub tags: Vec<String>,
    /// The shops the customer ordered in, by name.
    pub shops: Vec<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    /// The contact fields care messages go to, and the birthday they are planned on.
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub wechat: Option<String>,
    /// `YYYY-MM-DD`; month and day of the lunar calendar when `birthday_lunar`.
    pub birthday: Option<String>,
    pub birthday_lunar: bool,
    /// Do not disturb: no care or marketing message goes to this customer.
    pub dnd: bool,
    /// The chance (0–1, 4 places) that the buyer still buys; null without a purchase.
    #[ts(type = "string | null")]
    pub p_alive: Option<Decimal>,
    /// Purchases expected in the next 90 days (4 places).
    #[ts(type = "string | null")]
    pub expected_90d: Option<Decimal>,
    /// The discounted value of the next year's expected purchases (2 places).
    #[ts(type = "string | null")]
    pub clv: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerPage {
    pub total: u32,
    pub customers: Vec<CustomerRow>,
}

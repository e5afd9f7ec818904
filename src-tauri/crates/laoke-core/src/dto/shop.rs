//! The seller's shops, for the shop list (Settings, `laoke shops`), the import's
//! shop picker and every screen that names a shop.

use crate::Platform;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShopView {
    #[ts(type = "number")]
    pub id: i64,
    pub platform: Platform,
    pub name: String,
    /// False while the name is Laoke's default for the platform: the first export
    /// that names its shop (a 店铺名称 column) names this one.
    pub named: bool,
    /// Cash-on-delivery orders that are shipped but not marked paid count as
    /// purchases (turn off if you mark COD orders paid yourself).
    pub count_cod: bool,
    pub orders: u32,
    /// Customers with at least one order in this shop.
    pub customers: u32,
    pub created_at: String,
}

/// A change to one shop: a new name, the cash-on-delivery setting, or both.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShopUpdate {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub count_cod: Option<bool>,
}

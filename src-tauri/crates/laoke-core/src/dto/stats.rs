//! Shop-wide figures for the dashboard and `laoke stats`.

use crate::Platform;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShopStats {
    /// Customers with at least one order of any status.
    pub customers: u32,
    /// Customers with at least one purchase.
    pub buyers: u32,
    pub orders: u32,
    pub purchases: u32,
    /// Purchase values minus refund documents.
    #[ts(type = "string")]
    pub revenue: Decimal,
    /// Average order value (客单价): purchase values / purchases, 2 decimals.
    #[ts(type = "string")]
    pub aov: Decimal,
    /// Buyers with two or more purchases / buyers (复购率), 4 decimals.
    #[ts(type = "string")]
    pub repurchase_rate: Decimal,
    /// Earliest and latest order of any status, stored UTC text.
    pub first_order: Option<String>,
    pub last_order: Option<String>,
}

/// One calendar month in the shop's time zone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MonthlyPoint {
    /// `YYYY-MM`.
    pub month: String,
    pub orders: u32,
    pub purchases: u32,
    #[ts(type = "string")]
    pub revenue: Decimal,
    /// Buyers whose first purchase fell in this month.
    pub new_buyers: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlatformCount {
    pub platform: Platform,
    pub customers: u32,
    #[ts(type = "string")]
    pub revenue: Decimal,
}

/// One shop's customers (with any order there) and revenue; its name and
/// platform are in the shop list (`ShopView`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShopCount {
    #[ts(type = "number")]
    pub shop_id: i64,
    pub customers: u32,
    #[ts(type = "string")]
    pub revenue: Decimal,
}

/// A monthly cohort: the buyers whose first purchase fell in `month` (shop
/// time), and the share of them with a purchase in each later calendar month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Cohort {
    /// `YYYY-MM`.
    pub month: String,
    pub buyers: u32,
    /// Retention at +1, +2, … months up to the last month with data (4 places).
    #[ts(type = "Array<string>")]
    pub retention: Vec<Decimal>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Dashboard {
    pub stats: ShopStats,
    pub monthly: Vec<MonthlyPoint>,
    pub platforms: Vec<PlatformCount>,
    /// Customers and revenue per shop, by shop id.
    pub shops: Vec<ShopCount>,
    /// Monthly cohorts, oldest first.
    pub cohorts: Vec<Cohort>,
    /// The buyers' values (purchases less refund documents), best first.
    pub pareto: crate::rfm::Pareto,
}

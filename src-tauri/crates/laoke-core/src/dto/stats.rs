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

/// One day, week (Monday to Sunday) or calendar month of a series, in the shop's
/// time zone. At the ends of a period a week or month counts only the period's days.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SeriesPoint {
    /// The first day of the day, week or month (`YYYY-MM-DD`).
    pub start: String,
    pub orders: u32,
    pub purchases: u32,
    /// Purchase values less refund documents.
    #[ts(type = "string")]
    pub revenue: Decimal,
    /// Purchase values / purchases (2 places).
    #[ts(type = "string")]
    pub aov: Decimal,
    /// Customers whose first order (any status) fell here.
    pub new_customers: u32,
    /// Buyers whose first purchase fell here.
    pub new_buyers: u32,
    /// Buyers with a purchase here.
    pub buyers: u32,
    /// Of those, the share with two or more purchases here (4 places).
    #[ts(type = "string")]
    pub repurchase_rate: Decimal,
}

/// The repurchase rate over the twelve calendar months ending with `month`:
/// buyers with two or more purchases in them / buyers with any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RollingRepurchase {
    /// `YYYY-MM`.
    pub month: String,
    pub buyers: u32,
    #[ts(type = "string")]
    pub rate: Decimal,
}

/// What churn cost in the period: the buyers who became churned in it (their
/// last purchase `churn_days` + 1 days behind them on a day of the period),
/// and the yearly value they brought while buying.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChurnCost {
    /// The lifecycle threshold the churn day follows from.
    pub churn_days: u32,
    pub churned: u32,
    /// Their average yearly value (2 places): each buyer's value up to churning ÷
    /// the years from their first to their last purchase, at least one year.
    /// Keeping one of them is worth this much a year: retention that costs less
    /// per kept buyer pays for itself.
    #[ts(type = "string")]
    pub yearly_value: Decimal,
    /// The sum of their yearly values: the revenue a year that churn takes away.
    #[ts(type = "string")]
    pub cost: Decimal,
}

/// The daily figures an anomaly is looked for in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::IntoStaticStr, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum AnomalyMetric {
    Purchases,
    Revenue,
    Aov,
    NewBuyers,
}

/// A day whose figure left its expected range (`laoke_core::stats::anomaly`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Anomaly {
    /// `YYYY-MM-DD`, shop time.
    pub date: String,
    pub metric: AnomalyMetric,
    #[ts(type = "string")]
    pub value: Decimal,
    #[ts(type = "string")]
    pub expected_low: Decimal,
    #[ts(type = "string")]
    pub expected_high: Decimal,
    /// `high` or `low`.
    pub direction: String,
    /// The promotion (`double11` …) whose peak days this falls on: an expected
    /// peak, listed under `peaks` rather than flagged.
    pub promotion: Option<String>,
}

/// What the dashboard and `laoke stats` are asked for: every order, or those of
/// some shops or one platform, counted in a period (shop-time days, both ends
/// included; open ends reach the first or last order).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DashboardQuery {
    #[ts(type = "Array<number> | null")]
    pub shops: Option<Vec<i64>>,
    pub platform: Option<Platform>,
    /// `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
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
    /// The period counted (`YYYY-MM-DD`): as asked, open ends filled with the
    /// days of the first and last order; null on an empty archive.
    pub from: Option<String>,
    pub to: Option<String>,
    /// The period's figures: customers with an order in it, buyers with a purchase in it …
    pub stats: ShopStats,
    pub daily: Vec<SeriesPoint>,
    pub weekly: Vec<SeriesPoint>,
    pub monthly: Vec<SeriesPoint>,
    /// Per month of the period, the repurchase rate of the twelve months ending with it.
    pub rolling_repurchase: Vec<RollingRepurchase>,
    pub platforms: Vec<PlatformCount>,
    /// Customers and revenue per shop, by shop id.
    pub shops: Vec<ShopCount>,
    /// Monthly cohorts of the period's months, oldest first.
    pub cohorts: Vec<Cohort>,
    /// The values (in the period) of the period's buyers, best first.
    pub pareto: crate::rfm::Pareto,
    pub churn: ChurnCost,
    /// Days of the period whose figures left their expected range.
    pub anomalies: Vec<Anomaly>,
    /// Days above their range on a promotion's peak days: expected, not flagged.
    pub peaks: Vec<Anomaly>,
}

//! `laoke stats` and `laoke anomalies`: the shop-wide figures of a period (new
//! buyers per month, monthly cohorts, the Pareto curve, churn cost), and the
//! days whose figures left their range. Both are the dashboard's fold.

use super::{to_json, today};
use crate::cli::StatsScope;
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use laoke_core::dto::{Dashboard, DashboardQuery};
use laoke_core::Platform;
use laoke_store::Store;

/// The dashboard of `shop` (by name) and `scope`.
fn dashboard(store: &Store, shop: Option<&str>, scope: &StatsScope) -> Result<Dashboard, Failure> {
    let platform = scope
        .platform
        .as_deref()
        .map(|p| p.parse::<Platform>().map_err(|_| UsageError::ShopPlatform { value: p.to_owned() }))
        .transpose()?;
    let query = DashboardQuery {
        shops: shop.map(|name| store.shops_named(name)).transpose()?,
        platform,
        from: scope.from.clone(),
        to: scope.to.clone(),
    };
    Ok(store.dashboard(&query, today(store)?, None)?)
}

pub fn run(store: &Store, shop: Option<&str>, scope: &StatsScope) -> Result<Output, Failure> {
    let d = dashboard(store, shop, scope)?;
    let s = &d.stats;
    let c = &d.churn;
    let text = format!(
        "period           {} – {}\ncustomers        {}\nbuyers           {}\norders           {}\npurchases        {}\nrevenue          {}\naov              {}\nrepurchase rate  {}\nfirst order      {}\nlast order       {}\nchurned          {} (yearly value {}, cost {} a year)",
        d.from.as_deref().unwrap_or("-"),
        d.to.as_deref().unwrap_or("-"),
        s.customers,
        s.buyers,
        s.orders,
        s.purchases,
        s.revenue,
        s.aov,
        s.repurchase_rate,
        s.first_order.as_deref().unwrap_or("-"),
        s.last_order.as_deref().unwrap_or("-"),
        c.churned,
        c.yearly_value,
        c.cost,
    );
    // The period's figures, then the series and curves beside them.
    let mut json = to_json(s);
    json["from"] = to_json(&d.from);
    json["to"] = to_json(&d.to);
    json["new_buyers"] = serde_json::json!(d
        .monthly
        .iter()
        .map(|m| serde_json::json!({"month": &m.start[..7], "buyers": m.new_buyers}))
        .collect::<Vec<_>>());
    json["monthly"] = to_json(&d.monthly);
    json["rolling_repurchase"] = to_json(&d.rolling_repurchase);
    json["cohorts"] = to_json(&d.cohorts);
    json["pareto"] = to_json(&d.pareto);
    json["churn"] = to_json(&d.churn);
    Ok(Output { json, text })
}

pub fn anomalies(store: &Store, shop: Option<&str>, scope: &StatsScope) -> Result<Output, Failure> {
    let d = dashboard(store, shop, scope)?;
    let line = |a: &laoke_core::dto::Anomaly| {
        format!(
            "{}  {:<10} {:>12}  expected {} – {}{}",
            a.date,
            <&str>::from(a.metric),
            a.value,
            a.expected_low,
            a.expected_high,
            a.promotion.as_deref().map(|p| format!("  ({p})")).unwrap_or_default()
        )
    };
    let mut text: Vec<String> = d.anomalies.iter().map(line).collect();
    if text.is_empty() {
        text.push("no anomalies".to_owned());
    }
    if !d.peaks.is_empty() {
        text.push("expected promotion peaks:".to_owned());
        text.extend(d.peaks.iter().map(line));
    }
    let json = serde_json::json!({"from": d.from, "to": d.to, "anomalies": d.anomalies, "peaks": d.peaks});
    Ok(Output { json, text: text.join("\n") })
}

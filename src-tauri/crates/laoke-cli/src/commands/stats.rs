//! `laoke stats`: the shop-wide figures, new buyers per month, monthly cohorts
//! and the Pareto curve of the buyers' values.

use super::to_json;
use crate::output::{Failure, Output};
use laoke_store::Store;

/// The figures of every shop, or of the shop(s) named `shop`.
pub fn run(store: &Store, shop: Option<&str>) -> Result<Output, Failure> {
    let shops = shop.map(|name| store.shops_named(name)).transpose()?;
    let d = store.dashboard(shops.as_deref())?;
    let s = &d.stats;
    let text = format!(
        "customers        {}\nbuyers           {}\norders           {}\npurchases        {}\nrevenue          {}\naov              {}\nrepurchase rate  {}\nfirst order      {}\nlast order       {}",
        s.customers,
        s.buyers,
        s.orders,
        s.purchases,
        s.revenue,
        s.aov,
        s.repurchase_rate,
        s.first_order.as_deref().unwrap_or("-"),
        s.last_order.as_deref().unwrap_or("-"),
    );
    // The shop's figures, then the series and curves beside them.
    let mut json = to_json(s);
    json["new_buyers"] = serde_json::json!(d
        .monthly
        .iter()
        .map(|m| serde_json::json!({"month": m.month, "buyers": m.new_buyers}))
        .collect::<Vec<_>>());
    json["cohorts"] = to_json(&d.cohorts);
    json["pareto"] = to_json(&d.pareto);
    Ok(Output { json, text })
}

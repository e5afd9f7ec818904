//! `laoke stats`: the shop-wide figures.

use super::to_json;
use crate::output::{Failure, Output};
use laoke_store::Store;

/// The figures of every shop, or of the shop(s) named `shop`.
pub fn run(store: &Store, shop: Option<&str>) -> Result<Output, Failure> {
    let shops = shop.map(|name| store.shops_named(name)).transpose()?;
    let s = store.dashboard(shops.as_deref())?.stats;
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
    Ok(Output { json: to_json(&s), text })
}

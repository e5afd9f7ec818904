//! `laoke stats`: the shop-wide figures.

use super::to_json;
use crate::output::{Failure, Output};
use laoke_store::Store;

pub fn run(store: &Store) -> Result<Output, Failure> {
    let s = store.dashboard()?.stats;
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

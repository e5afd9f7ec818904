//! `laoke shops`: the shops orders are imported into; `shops set` renames one or
//! sets whether it counts unconfirmed cash-on-delivery orders.

use super::to_json;
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use chrono::Utc;
use laoke_core::dto::{ShopUpdate, ShopView};
use laoke_core::Platform;
use laoke_store::{Store, StoreError};
use std::fmt::Write as _;

fn line(s: &ShopView) -> String {
    format!(
        "{:>4}  {:<12} {:<24} {:>8} orders {:>7} customers  COD {}",
        s.id,
        s.platform.as_str(),
        s.name,
        s.orders,
        s.customers,
        if s.count_cod { "counted" } else { "not counted" }
    )
}

pub fn list(store: &Store) -> Result<Output, Failure> {
    let shops = store.shops()?;
    let mut text = String::new();
    for s in &shops {
        let _ = writeln!(text, "{}", line(s));
    }
    Ok(Output { json: serde_json::json!({ "shops": to_json(&shops) }), text })
}

/// The shop `key` names: an id, else a name (on `platform` when given).
fn find(store: &Store, key: &str, platform: Option<&str>) -> Result<ShopView, Failure> {
    let platform = match platform {
        None => None,
        Some(p) => Some(p.parse::<Platform>().map_err(|_| UsageError::ShopPlatform { value: p.to_owned() })?),
    };
    let shops = store.shops()?;
    let by_id = key.parse::<i64>().ok().and_then(|id| shops.iter().find(|s| s.id == id));
    let mut named: Vec<&ShopView> =
        shops.iter().filter(|s| s.name == key.trim() && platform.is_none_or(|p| s.platform == p)).collect();
    match (by_id, named.len()) {
        (Some(s), _) => Ok(s.clone()),
        (None, 1) => Ok(named.remove(0).clone()),
        (None, 0) => Err(StoreError::ShopNotFound { name: key.trim().to_owned() }.into()),
        (None, _) => Err(UsageError::ShopAmbiguous { name: key.trim().to_owned() }.into()),
    }
}

pub fn set(
    store: &mut Store,
    key: &str,
    platform: Option<&str>,
    rename: Option<String>,
    count_cod: Option<bool>,
) -> Result<Output, Failure> {
    let shop = find(store, key, platform)?;
    let shop = store.update_shop(shop.id, &ShopUpdate { name: rename, count_cod }, Utc::now())?;
    Ok(Output { json: to_json(&shop), text: line(&shop) })
}

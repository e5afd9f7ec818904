//! `laoke backup list|restore NAME`: the copies taken before each import.

use super::to_json;
use crate::output::{Failure, Output};
use laoke_store::Store;
use std::fmt::Write;

pub fn list(store: &Store) -> Result<Output, Failure> {
    let backups = store.backups()?;
    let mut text = String::new();
    for b in &backups {
        let _ = writeln!(text, "{}  {:>10} bytes", b.name, b.bytes);
    }
    if backups.is_empty() {
        text.push_str("no backups yet: one is taken before every import");
    }
    Ok(Output { json: serde_json::json!({ "backups": to_json(&backups) }), text })
}

pub fn restore(store: &mut Store, name: &str) -> Result<Output, Failure> {
    store.restore(name)?;
    let info = store.info()?;
    let text = format!("restored {name}: {} customers, {} orders", info.counts.customers, info.counts.orders);
    Ok(Output { json: serde_json::json!({ "restored": name, "info": to_json(&info) }), text })
}

//! `laoke segments list|show|count|save|delete`: saved filters.

use super::{filter_arg, to_json, today};
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use laoke_store::Store;
use std::fmt::Write;

pub fn list(store: &Store) -> Result<Output, Failure> {
    let segments = store.segments()?;
    let mut text = String::new();
    for s in &segments {
        let _ = writeln!(text, "{:>5}  {}", s.id, s.name);
    }
    Ok(Output { json: serde_json::json!({ "segments": to_json(&segments) }), text })
}

pub fn show(store: &Store, name: &str) -> Result<Output, Failure> {
    let s = store.segment(name)?;
    let text = format!("{} ({})\n{}\n", s.name, s.id, serde_json::to_string_pretty(&s.filter).unwrap_or_default());
    Ok(Output { json: to_json(&s), text })
}

/// Counts a saved segment, or the filter given on the command line.
pub fn count(store: &mut Store, name: Option<&str>, filters: &[String], any: bool) -> Result<Output, Failure> {
    let filter = match (name, filter_arg::parse(filters, any)?) {
        (Some(n), None) => store.segment(n)?.filter,
        (None, Some(f)) => f,
        _ => return Err(UsageError::SegmentOrFilter.into()),
    };
    let today = today(store)?;
    store.refresh(today)?;
    let snap = store.roster()?;
    let count = store.count_in(&snap, &filter, today)?;
    let mut json = to_json(&count);
    if let Some(n) = name {
        json["segment"] = n.into();
    }
    Ok(Output { json, text: format!("{} of {} customers\n", count.customers, count.of) })
}

pub fn save(store: &mut Store, name: &str, filters: &[String], any: bool) -> Result<Output, Failure> {
    let filter = filter_arg::parse(filters, any)?.unwrap_or_default();
    let s = store.save_segment(name, &filter, chrono::Utc::now())?;
    Ok(Output { json: to_json(&s), text: format!("saved segment {} ({})\n", s.name, s.id) })
}

pub fn delete(store: &mut Store, name: &str) -> Result<Output, Failure> {
    store.delete_segment(name)?;
    Ok(Output { json: serde_json::json!({ "deleted": name }), text: format!("deleted segment {name}\n") })
}

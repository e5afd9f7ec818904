//! `laoke activities`: a month's plan, adding from a file, "suggest a month"
//! (saving nothing), results, moving, ticking steps, the types and the planner's
//! settings. The rules are `laoke_core::activity`; the archive's use cases are
//! `laoke_store`'s.

use super::{to_json, today};
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use chrono::{NaiveDate, Utc};
use laoke_core::activity;
use laoke_core::dto::ActivitySettings;
use laoke_store::{Store, StoreError};
use std::fmt::Write as _;
use std::path::Path;

fn month(text: &str) -> Result<NaiveDate, Failure> {
    Ok(activity::month_start(text).map_err(StoreError::from)?)
}

fn read(file: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(file)
        .map_err(|e| UsageError::ActivityFile { file: file.display().to_string(), reason: e.to_string() }.into())
}

pub fn list(store: &Store, text: &str) -> Result<Output, Failure> {
    let first = month(text)?;
    let views = store.activities_between(first, activity::month_end(first))?;
    let mut out = String::new();
    for v in &views {
        let a = &v.activity;
        let _ = writeln!(
            out,
            "{:>4}  {} {}-{}  {:<12} {}  ({})",
            v.id, a.date, a.slot_start, a.slot_end, a.kind, a.title, v.total
        );
        for s in &v.steps {
            let name = s.label.clone().unwrap_or_else(|| <&str>::from(s.kind).to_owned());
            let _ =
                writeln!(out, "        [{}] {} {}", if s.done { "x" } else { " " }, s.due.format("%m-%d %H:%M"), name);
        }
        for w in &v.warnings {
            let _ = writeln!(out, "        ! {}", serde_json::to_string(w).unwrap_or_default());
        }
    }
    Ok(Output { json: to_json(&views), text: out })
}

pub fn add(store: &mut Store, file: &Path) -> Result<Output, Failure> {
    let a = activity::parse(&read(file)?).map_err(StoreError::from)?;
    let view = store.add_activity(&a, Utc::now())?;
    Ok(Output { json: serde_json::json!({ "id": view.id }), text: format!("activity {} added", view.id) })
}

pub fn suggest(store: &Store, text: &str) -> Result<Output, Failure> {
    let s = store.suggest_activities(month(text)?)?;
    let mut out = String::new();
    for a in &s.activities {
        let why: Vec<String> = a.why.iter().map(|w| serde_json::to_string(w).unwrap_or_default()).collect();
        let _ =
            writeln!(out, "{} {}-{}  {:<12} {}  {}", a.date, a.slot_start, a.slot_end, a.kind, a.title, why.join(" "));
    }
    Ok(Output { json: to_json(&s), text: out })
}

pub fn results(store: &mut Store, id: i64, participants: i64, new_members: i64) -> Result<Output, Failure> {
    let day = today(store)?;
    let r = store.record_activity_results(id, participants, new_members, day)?;
    let roi = r.roi.map_or("-".to_owned(), |x| x.to_string());
    let text = format!("cost {}, {} orders, revenue {}, ROI {roi}", r.cost, r.orders, r.revenue);
    Ok(Output { json: to_json(&r), text })
}

pub fn move_to(store: &mut Store, id: i64, date: &str) -> Result<Output, Failure> {
    let day: NaiveDate =
        date.trim().parse().map_err(|_| UsageError::InvalidDate { flag: "--date", value: date.to_owned() })?;
    let v = store.move_activity(id, day, Utc::now())?;
    Ok(Output { json: to_json(&v), text: format!("activity {id} on {day}") })
}

pub fn tick(store: &mut Store, id: i64, step: u32, done: bool) -> Result<Output, Failure> {
    let v = store.tick_activity_step(id, step, done, Utc::now())?;
    Ok(Output { json: to_json(&v), text: format!("activity {id} step {step} {}", if done { "done" } else { "open" }) })
}

pub fn delete(store: &mut Store, id: i64) -> Result<Output, Failure> {
    store.delete_activity(id)?;
    Ok(Output { json: serde_json::json!({ "deleted": id }), text: format!("activity {id} deleted") })
}

pub fn types(store: &Store) -> Result<Output, Failure> {
    let types = store.activity_types()?;
    let mut out = String::new();
    for t in &types {
        let _ = writeln!(out, "{:<14} {} / {}", t.key, t.name_zh, t.name_en);
    }
    Ok(Output { json: to_json(&types), text: out })
}

pub fn settings(store: &mut Store, set: Option<&Path>) -> Result<Output, Failure> {
    let s = match set {
        None => store.activity_settings()?,
        Some(file) => {
            let s: ActivitySettings = serde_json::from_str(&read(file)?)
                .map_err(|e| UsageError::ActivityFile { file: file.display().to_string(), reason: e.to_string() })?;
            store.save_activity_settings(&s)?
        }
    };
    let text = format!(
        "{} groups, cadence {} a month, cap {}",
        s.groups.len(),
        s.cadence,
        s.monthly_budget_cap.map_or("none".to_owned(), |c| c.to_string())
    );
    Ok(Output { json: to_json(&s), text })
}

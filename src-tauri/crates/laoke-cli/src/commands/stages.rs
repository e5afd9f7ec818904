//! `laoke stages`: customers per lifecycle stage on a day; `--set` previews
//! (with `--dry-run`) or saves new thresholds; `laoke rfm`: RFM groups and the
//! Pareto view.

use super::{to_json, today};
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use chrono::NaiveDate;
use laoke_store::Store;
use std::fmt::Write;

fn stages_text(stages: &std::collections::BTreeMap<String, u32>) -> String {
    let mut text = String::new();
    for (k, v) in stages {
        let _ = writeln!(text, "{k:<10} {v:>8}");
    }
    text
}

pub fn run(store: &mut Store, as_of: Option<&str>, set: &[String], dry_run: bool) -> Result<Output, Failure> {
    if !set.is_empty() {
        return thresholds(store, set, dry_run);
    }
    let day = match as_of {
        Some(d) => NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
            .map_err(|_| UsageError::StagesDate { value: d.to_owned() })?,
        None => today(store)?,
    };
    let counts = store.stage_counts(day)?;
    let text = format!("as of {}\n{}", counts.as_of, stages_text(&counts.stages));
    Ok(Output { json: to_json(&counts), text })
}

fn thresholds(store: &mut Store, set: &[String], dry_run: bool) -> Result<Output, Failure> {
    let mut t = serde_json::to_value(store.stage_thresholds()?).unwrap_or_default();
    for kv in set {
        let bad = || Failure::from(UsageError::StagesThreshold { value: kv.clone() });
        let (k, v) = kv.split_once('=').ok_or_else(bad)?;
        let n: u32 = v.trim().parse().map_err(|_| bad())?;
        match t.get_mut(k.trim()) {
            Some(slot) => *slot = n.into(),
            None => return Err(bad()),
        }
    }
    let t = serde_json::from_value(t).map_err(|_| UsageError::StagesThreshold { value: set.join(" ") })?;
    let today = today(store)?;
    if dry_run {
        let p = store.preview_thresholds(t, today)?;
        let mut text = String::from("stage       now  proposed\n");
        for (k, v) in &p.current {
            let _ = writeln!(text, "{k:<10} {v:>5} {:>9}", p.proposed.get(k).unwrap_or(&0));
        }
        for m in &p.moves {
            let _ = writeln!(text, "{} → {}: {}", m.from, m.to, m.customers);
        }
        return Ok(Output { json: to_json(&p), text });
    }
    let report = store.set_stage_thresholds(t, today)?;
    let text = format!("saved; {} customers changed stage\n{}", report.stage_changes, stages_text(&report.stages));
    Ok(Output { json: to_json(&report), text })
}

pub fn rfm(store: &mut Store) -> Result<Output, Failure> {
    let today = today(store)?;
    store.refresh(today)?;
    let s = store.rfm_summary()?;
    let text = format!(
        "{}top 20 % of {} buyers bring {} of their value\n",
        stages_text(&s.groups),
        s.pareto.buyers,
        s.pareto.top20_share
    );
    Ok(Output { json: to_json(&s), text })
}

//! `laoke backup list|create|preview|restore|schedule`: the copies taken before
//! each import and bulk change and once a day, a copy to a chosen file, what a
//! backup holds, restoring one, and the daily schedule.

use super::to_json;
use crate::output::{Failure, Output};
use laoke_core::dto::{BackupPreview, BackupSchedule};
use laoke_store::Store;
use std::fmt::Write;
use std::path::Path;

pub fn list(store: &Store) -> Result<Output, Failure> {
    let backups = store.backups()?;
    let mut text = String::new();
    for b in &backups {
        let _ = writeln!(text, "{}  {:>10} bytes", b.name, b.bytes);
    }
    if backups.is_empty() {
        text.push_str("no backups yet: one is taken before every import and bulk change, and once a day");
    }
    Ok(Output { json: serde_json::json!({ "backups": to_json(&backups) }), text })
}

pub fn create(store: &Store, out: Option<&Path>) -> Result<Output, Failure> {
    let taken = match out {
        Some(path) => Some(store.backup_to(path)?),
        None => store.backup(chrono::Utc::now())?,
    };
    let text = match &taken {
        Some(b) => format!("backed up to {} ({} bytes)", b.path, b.bytes),
        None => "an in-memory archive has nothing to back up".to_owned(),
    };
    Ok(Output { json: serde_json::json!({ "backup": to_json(&taken) }), text })
}

fn preview_text(p: &BackupPreview) -> String {
    format!(
        "{}: {} customers, {} orders, last import {}, schema {} (this version: {})",
        p.path,
        p.customers,
        p.orders,
        p.last_import.as_deref().unwrap_or("-"),
        p.schema_version,
        p.current_schema
    )
}

pub fn preview(store: &Store, name: &str) -> Result<Output, Failure> {
    let p = store.preview_backup(&store.backup_file(name)?)?;
    Ok(Output { json: to_json(&p), text: preview_text(&p) })
}

pub fn restore(store: &mut Store, name: &str) -> Result<Output, Failure> {
    let preview = store.restore(name, chrono::Utc::now())?;
    let info = store.info()?;
    let text = format!("restored {}", preview_text(&preview));
    Ok(Output {
        json: serde_json::json!({ "restored": name, "preview": to_json(&preview), "info": to_json(&info) }),
        text,
    })
}

pub fn schedule(store: &mut Store, daily: Option<bool>, keep: Option<u32>) -> Result<Output, Failure> {
    let mut s = store.backup_schedule()?;
    if daily.is_some() || keep.is_some() {
        s = store
            .set_backup_schedule(BackupSchedule { daily: daily.unwrap_or(s.daily), keep: keep.unwrap_or(s.keep) })?;
    }
    let text = format!("daily backup: {}, keep {}", if s.daily { "on" } else { "off" }, s.keep);
    Ok(Output { json: to_json(&s), text })
}

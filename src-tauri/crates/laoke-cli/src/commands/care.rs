//! `laoke care`: rules, the plan of some days, the day's worklist, and moving
//! messages on (copied, exported as an SMS list, sent by email). Every command
//! that shows messages plans their days first, so what it prints is current.

use super::to_json;
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use chrono::{NaiveDate, Utc};
use laoke_core::dto::{CareMessage, CareRule};
use laoke_store::{EmailRound, Store};
use std::fmt::Write as _;
use std::path::Path;

fn date(flag: &'static str, text: &str) -> Result<NaiveDate, Failure> {
    text.trim().parse().map_err(|_| UsageError::InvalidDate { flag, value: text.to_owned() }.into())
}

fn lines(messages: &[CareMessage]) -> String {
    let mut text = String::new();
    for m in messages {
        let status = match m.reason {
            Some(r) => format!("{} ({})", <&str>::from(m.status), <&str>::from(r)),
            None => <&str>::from(m.status).to_owned(),
        };
        let _ = writeln!(
            text,
            "{}  {:<9} {:<22} {:<24} {}\n    {}",
            m.due,
            <&str>::from(m.channel),
            status,
            m.to.as_deref().unwrap_or("-"),
            m.key,
            m.text.replace('\n', "\n    ")
        );
    }
    text
}

pub fn rules(store: &Store) -> Result<Output, Failure> {
    let rules = store.care_rules()?;
    let mut text = String::new();
    for r in &rules {
        let trigger: &str = (&r.trigger).into();
        let _ = writeln!(
            text,
            "{:>4}  {:<3} {:<20} {:<16} {:<9} {}",
            r.id.unwrap_or_default(),
            if r.enabled { "on" } else { "off" },
            r.name,
            trigger,
            <&str>::from(r.channel),
            r.send_at
        );
    }
    Ok(Output { json: to_json(&rules), text })
}

pub fn add_rule(store: &mut Store, file: &Path) -> Result<Output, Failure> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| UsageError::RuleFile { file: file.display().to_string(), reason: e.to_string() })?;
    let rule: CareRule = laoke_core::care::parse(&text).map_err(laoke_store::StoreError::from)?;
    let saved = store.add_care_rule(&rule, Utc::now())?;
    let id = saved.id.unwrap_or_default();
    Ok(Output { json: serde_json::json!({ "id": id }), text: format!("rule {id} added") })
}

pub fn delete_rule(store: &mut Store, id: i64) -> Result<Output, Failure> {
    store.delete_care_rule(id)?;
    Ok(Output { json: serde_json::json!({ "deleted": id }), text: format!("rule {id} deleted") })
}

pub fn plan(store: &mut Store, from: &str, to: &str) -> Result<Output, Failure> {
    let messages = store.plan_care(date("--from", from)?, date("--to", to)?, Utc::now())?;
    let text = format!("{} messages\n{}", messages.len(), lines(&messages));
    Ok(Output { json: serde_json::json!({ "messages": to_json(&messages) }), text })
}

pub fn today(store: &mut Store, day: Option<&str>) -> Result<Output, Failure> {
    let day = match day {
        Some(d) => date("--date", d)?,
        None => super::today(store)?,
    };
    let messages = store.plan_care(day, day, Utc::now())?;
    let text = format!("{day}: {} messages\n{}", messages.len(), lines(&messages));
    Ok(Output { json: serde_json::json!({ "date": day, "messages": to_json(&messages) }), text })
}

pub fn mark_copied(store: &mut Store, keys: &[String]) -> Result<Output, Failure> {
    let done = store.mark_copied(keys, Utc::now())?;
    Ok(Output { json: serde_json::json!({ "copied": done.len() }), text: format!("{} marked copied", done.len()) })
}

pub fn export_sms(store: &mut Store, day: &str, out: &Path) -> Result<Output, Failure> {
    let day = date("--date", day)?;
    // The day is planned first, so the list holds what the worklist shows.
    store.plan_care(day, day, Utc::now())?;
    let done = store.export_sms(day, out, Utc::now())?;
    Ok(Output {
        json: serde_json::json!({ "exported": done.len(), "file": out.display().to_string() }),
        text: format!("{} SMS written to {}", done.len(), out.display()),
    })
}

pub fn send_email(store: &mut Store, day: &str) -> Result<Output, Failure> {
    let day = date("--date", day)?;
    store.plan_care(day, day, Utc::now())?;
    let password = laoke_store::smtp_password(&store.settings()?.smtp);
    let report =
        store.send_care_email(EmailRound { day, due_by: None, auto_only: false }, password.as_deref(), Utc::now)?;
    let mut text =
        format!("{} sent, {} failed, {} possibly sent earlier", report.sent, report.failed.len(), report.ambiguous);
    for f in &report.failed {
        let _ = write!(text, "\n  {}: {}", f.key, f.error);
    }
    Ok(Output { json: to_json(&report), text })
}

pub fn retry(store: &mut Store, keys: &[String]) -> Result<Output, Failure> {
    let n = store.retry_care_messages(keys, Utc::now())?;
    Ok(Output { json: serde_json::json!({ "planned": n }), text: format!("{n} planned again") })
}

pub fn dates(store: &mut Store, set: Option<&Path>) -> Result<Output, Failure> {
    let dates = match set {
        None => store.shop_dates()?,
        Some(file) => {
            let read = |reason: String| UsageError::DatesFile { file: file.display().to_string(), reason };
            let text = std::fs::read_to_string(file).map_err(|e| read(e.to_string()))?;
            let dates: Vec<laoke_core::dto::ShopDate> = serde_json::from_str(&text).map_err(|e| read(e.to_string()))?;
            store.save_shop_dates(&dates)?
        }
    };
    let mut text = String::new();
    for d in &dates {
        let when = match d.year {
            Some(y) => format!("{y}-{:02}-{:02}", d.month, d.day),
            None => format!("every year {:02}-{:02}", d.month, d.day),
        };
        let _ = writeln!(text, "{:<20} {:<20} {when}{}", d.key, d.name, if d.lunar { " (lunar)" } else { "" });
    }
    Ok(Output { json: to_json(&dates), text })
}

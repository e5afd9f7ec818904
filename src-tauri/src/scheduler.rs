//! The care scheduler: a task that keeps the coming days planned, sends the
//! email of auto-send rules when it falls due, and tells the UI how many
//! messages are due today (the UI raises the desktop notification, in the
//! seller's language). It sleeps until the next message falls due, at most an
//! hour, or until a write anywhere in the app wakes it (`announce` pokes it).
//!
//! Its state is the outbox: a closed app catches up when it opens (planning
//! starts yesterday; email due since then goes out, older email waits in the
//! worklist for the seller), and the outbox's exactly-once rule holds here as
//! in the CLI.
//!
//! Each round first takes the daily backup when one is due (the seller can turn
//! it off; see `BackupSchedule`), so a shop whose app is open most days keeps a
//! backup of every recent day.

use crate::archive::Archive;
use chrono::{DateTime, Days, Utc};
use laoke_core::dto::{DataChanged, DataTag, MessageStatus};
use laoke_store::EmailRound;
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};
use tokio::sync::Notify;

/// How many days ahead are kept planned (the calendar shows 90; the Care page plans what it shows).
const PLAN_AHEAD_DAYS: u64 = 30;
/// The longest sleep: a day that turns over, a rule that came due, are seen within this.
const MAX_SLEEP: Duration = Duration::from_secs(3600);

/// What the UI is told after each round.
#[derive(Debug, Clone, Serialize)]
pub struct CareDue {
    /// Messages of today due by now and still waiting for the seller (planned).
    pub due: u32,
    /// Emails the round sent by itself.
    pub sent: u32,
}

#[derive(Clone, Default)]
pub struct CareScheduler {
    wake: Arc<Notify>,
}

impl CareScheduler {
    /// Starts the task; the app manages the returned handle so `announce` can wake it.
    pub fn start(app: AppHandle, archive: Archive) -> CareScheduler {
        let scheduler = CareScheduler::default();
        let wake = scheduler.wake.clone();
        tauri::async_runtime::spawn(async move {
            loop {
                // An encrypted archive waits for its passphrase; unlocking announces a change, which wakes this.
                let sleep = match archive.lock_state() {
                    (_, false) => MAX_SLEEP,
                    (_, true) => {
                        // The daily backup (`BackupSchedule`): taken when the newest is a day old.
                        if let Err(e) = archive.run(|s| s.backup_if_due(Utc::now())).await {
                            tracing::warn!(code = %e.0.code, "daily backup failed: {}", e.0.message);
                        }
                        match round(&archive).await {
                            Ok((due, next)) => {
                                let _ = app.emit("data-changed", DataChanged { tags: vec![DataTag::Care] });
                                let _ = app.emit("care-due", &due);
                                next.and_then(|t| (t - Utc::now()).to_std().ok()).unwrap_or(MAX_SLEEP).min(MAX_SLEEP)
                            }
                            Err(e) => {
                                tracing::warn!(code = %e.0.code, "care round failed: {}", e.0.message);
                                MAX_SLEEP
                            }
                        }
                    }
                };
                tokio::select! {
                    _ = tokio::time::sleep(sleep.max(Duration::from_secs(1))) => {}
                    _ = wake.notified() => {
                        // Writes come in bursts (an import announces once per file): let them settle.
                        tokio::time::sleep(Duration::from_secs(2)).await;
                    }
                }
            }
        });
        scheduler
    }

    pub fn poke(&self) {
        self.wake.notify_one();
    }
}

/// Wakes the scheduler of `app`, if it runs.
pub fn poke(app: &AppHandle) {
    if let Some(s) = app.try_state::<CareScheduler>() {
        s.poke();
    }
}

/// One round: plan yesterday to a month ahead, send due auto-send email, count
/// what is due today; returns that and when the next planned message falls due.
async fn round(archive: &Archive) -> Result<(CareDue, Option<DateTime<Utc>>), crate::error::IpcError> {
    // A shop without rules has nothing to plan: the round stays off the archive
    // (and off the CPU while the seller scrolls a fresh demo shop).
    let rules = archive.run(|s| s.care_rules()).await?;
    if !rules.iter().any(|r| r.enabled) {
        return Ok((CareDue { due: 0, sent: 0 }, None));
    }
    let auto_email_rules =
        rules.iter().any(|r| r.enabled && r.auto_send && r.channel == laoke_core::dto::Channel::Email);
    // The app's roster (kept until the archive changes) finds the rules' targets.
    archive
        .with_roster(move |s, roster, today| {
            let now = Utc::now();
            let yesterday = today - Days::new(1);
            let planned = s.plan_care_in(Some(roster), yesterday, today + Days::new(PLAN_AHEAD_DAYS), now)?;
            let mut sent = 0;
            let smtp = s.settings()?.smtp;
            if auto_email_rules && !smtp.host.trim().is_empty() {
                let password = laoke_store::smtp_password(&smtp);
                for day in [yesterday, today] {
                    match s.send_care_email(
                        EmailRound { day, due_by: Some(now), auto_only: true },
                        password.as_deref(),
                        Utc::now,
                    ) {
                        Ok(report) => sent += report.sent,
                        // A server that is not set up or has no password: the seller sees the email waiting.
                        Err(e) => tracing::warn!("care email not sent: {e}"),
                    }
                }
            }
            let due = s.care_due(now)?;
            let next = planned
                .iter()
                .filter(|m| m.status == MessageStatus::Planned)
                .filter_map(|m| DateTime::parse_from_rfc3339(&m.due).ok().map(|d| d.with_timezone(&Utc)))
                .filter(|d| *d > now)
                .min();
            Ok((CareDue { due, sent }, next))
        })
        .await
}

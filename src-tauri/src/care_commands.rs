//! IPC commands of care: rules (with their check and their preview on a real
//! customer), the plan, the calendar, today's worklist, and moving messages on
//! (copied, the SMS list, email). Each write is announced and wakes the
//! scheduler (through `announce`).

use crate::archive::Archive;
use crate::commands::announce;
use crate::error::IpcError;
use chrono::{NaiveDate, Utc};
use laoke_core::dto::{
    CareDay, CareMessage, CarePreview, CareRule, Channel, DataChanged, DataTag, EmailReport, Festival, Priority,
    ShopDate,
};
use laoke_store::EmailRound;
use tauri::{AppHandle, State};

fn care_changed() -> DataChanged {
    DataChanged { tags: vec![DataTag::Care] }
}

#[tauri::command]
pub async fn care_rules(archive: State<'_, Archive>) -> Result<Vec<CareRule>, IpcError> {
    archive.run(|s| s.care_rules()).await
}

/// Checks a rule as the editor changes it; refuses it with its `care.*`/`template.*` code.
#[tauri::command]
pub async fn care_rule_check(archive: State<'_, Archive>, rule: CareRule) -> Result<(), IpcError> {
    archive.run(move |s| s.check_care_rule(&rule).map(|_| ())).await
}

/// Saves a rule: a new one without `id`, else replaces rule `id`.
#[tauri::command]
pub async fn care_rule_save(app: AppHandle, archive: State<'_, Archive>, rule: CareRule) -> Result<CareRule, IpcError> {
    let saved = archive
        .run(move |s| match rule.id {
            Some(id) => s.update_care_rule(id, &rule, Utc::now()),
            None => s.add_care_rule(&rule, Utc::now()),
        })
        .await?;
    announce(&app, care_changed());
    Ok(saved)
}

#[tauri::command]
pub async fn care_rule_enable(
    app: AppHandle,
    archive: State<'_, Archive>,
    id: i64,
    enabled: bool,
) -> Result<CareRule, IpcError> {
    let saved = archive.run(move |s| s.set_care_rule_enabled(id, enabled, Utc::now())).await?;
    announce(&app, care_changed());
    Ok(saved)
}

#[tauri::command]
pub async fn care_rule_delete(app: AppHandle, archive: State<'_, Archive>, id: i64) -> Result<(), IpcError> {
    archive.run(move |s| s.delete_care_rule(id)).await?;
    announce(&app, care_changed());
    Ok(())
}

/// The rule's message for a customer (the one with most purchases when none is given).
#[tauri::command]
pub async fn care_rule_preview(
    archive: State<'_, Archive>,
    rule: CareRule,
    customer_id: Option<i64>,
) -> Result<CarePreview, IpcError> {
    archive.run(move |s| s.preview_care_message(&rule, customer_id, Utc::now())).await
}

/// The calendar of days `from..=to`, planned first.
#[tauri::command]
pub async fn care_calendar(
    archive: State<'_, Archive>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CareDay>, IpcError> {
    archive.with_roster(move |s, roster, _| s.care_calendar(Some(roster), from, to, Utc::now())).await
}

/// The festivals of days `from..=to` (the rule editor's list; nothing is planned).
#[tauri::command]
pub async fn care_festivals(
    archive: State<'_, Archive>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Festival>, IpcError> {
    archive.run(move |s| s.festivals_between(from, to)).await
}

/// Today's messages due by now and waiting for the seller (the Care badge
/// before the scheduler's first report).
#[tauri::command]
pub async fn care_due(archive: State<'_, Archive>) -> Result<u32, IpcError> {
    archive.run(|s| s.care_due(Utc::now())).await
}

/// The messages of one day, planned first.
#[tauri::command]
pub async fn care_day(archive: State<'_, Archive>, date: NaiveDate) -> Result<Vec<CareMessage>, IpcError> {
    archive.with_roster(move |s, roster, _| s.plan_care_in(Some(roster), date, date, Utc::now())).await
}

#[tauri::command]
pub async fn care_mark_copied(
    app: AppHandle,
    archive: State<'_, Archive>,
    keys: Vec<String>,
) -> Result<Vec<CareMessage>, IpcError> {
    let done = archive.run(move |s| s.mark_copied(&keys, Utc::now())).await?;
    announce(&app, care_changed());
    Ok(done)
}

/// Writes the day's planned SMS to `path` (chosen in the save dialog) and marks them exported.
#[tauri::command]
pub async fn care_export_sms(
    app: AppHandle,
    archive: State<'_, Archive>,
    date: NaiveDate,
    path: std::path::PathBuf,
) -> Result<u32, IpcError> {
    let done = archive.run(move |s| s.export_sms(date, &path, Utc::now())).await?;
    announce(&app, care_changed());
    Ok(done.len() as u32)
}

/// Sends the day's planned email now (the seller's button).
#[tauri::command]
pub async fn care_send_email(
    app: AppHandle,
    archive: State<'_, Archive>,
    date: NaiveDate,
) -> Result<EmailReport, IpcError> {
    let report = archive
        .run(move |s| {
            let password = laoke_store::smtp_password(&s.settings()?.smtp);
            s.send_care_email(EmailRound { day: date, due_by: None, auto_only: false }, password.as_deref(), Utc::now)
        })
        .await?;
    announce(&app, care_changed());
    Ok(report)
}

#[tauri::command]
pub async fn care_retry(app: AppHandle, archive: State<'_, Archive>, keys: Vec<String>) -> Result<u32, IpcError> {
    let n = archive.run(move |s| s.retry_care_messages(&keys, Utc::now())).await?;
    announce(&app, care_changed());
    Ok(n)
}

/// Records a message the seller sent by hand (from the customer's profile); it counts against the caps.
#[tauri::command]
pub async fn care_record_manual(
    app: AppHandle,
    archive: State<'_, Archive>,
    customer_id: i64,
    channel: Channel,
    priority: Priority,
    text: String,
) -> Result<CareMessage, IpcError> {
    let m = archive.run(move |s| s.record_manual_message(customer_id, channel, priority, &text, Utc::now())).await?;
    announce(&app, care_changed());
    Ok(m)
}

/// Keeps the SMTP password in the OS keychain (an empty one removes it).
#[tauri::command]
pub async fn smtp_password_save(archive: State<'_, Archive>, password: String) -> Result<(), IpcError> {
    let smtp = archive.run(|s| s.settings()).await?.smtp;
    tauri::async_runtime::spawn_blocking(move || laoke_store::save_smtp_password(&smtp, &password))
        .await
        .map_err(|e| IpcError::internal(format!("the keychain task stopped: {e}")))?
        .map_err(|e| IpcError(laoke_core::ErrorCode::to_dto(&e)))
}

/// Sends one test email to `to` through the saved SMTP settings (subject and text in the UI's language).
#[tauri::command]
pub async fn smtp_test(archive: State<'_, Archive>, to: String, subject: String, text: String) -> Result<(), IpcError> {
    archive
        .run(move |s| {
            let password = laoke_store::smtp_password(&s.settings()?.smtp);
            s.send_test_email(&to, &subject, &text, password.as_deref())
        })
        .await
}

/// The shop's own festival dates.
#[tauri::command]
pub async fn shop_dates(archive: State<'_, Archive>) -> Result<Vec<ShopDate>, IpcError> {
    archive.run(|s| s.shop_dates()).await
}

/// Replaces the shop's own festival dates (each checked; `calendar.*` codes).
#[tauri::command]
pub async fn shop_dates_save(
    app: AppHandle,
    archive: State<'_, Archive>,
    dates: Vec<ShopDate>,
) -> Result<Vec<ShopDate>, IpcError> {
    let saved = archive.run(move |s| s.save_shop_dates(&dates)).await?;
    announce(&app, care_changed());
    Ok(saved)
}

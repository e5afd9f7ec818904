//! The Data page's commands: backups (list, a backup now to a chosen file, a
//! preview of what a file holds, restore, the daily schedule) and exports of
//! customers or orders. Restoring and exporting are long: they run off the main
//! thread like every store call, and a restore announces that everything changed.

use crate::archive::Archive;
use crate::commands::announce;
use crate::error::IpcError;
use laoke_core::dto::{BackupPreview, BackupSchedule, DataChanged, ExportReport, ExportRequest};
use laoke_store::BackupInfo;
use std::path::PathBuf;
use tauri::{AppHandle, State};

#[tauri::command]
pub async fn backups(archive: State<'_, Archive>) -> Result<Vec<BackupInfo>, IpcError> {
    archive.run(|s| s.backups()).await
}

/// A backup now: to `path` when the seller chose a file, else into the backup folder.
#[tauri::command]
pub async fn backup_create(archive: State<'_, Archive>, path: Option<String>) -> Result<Option<BackupInfo>, IpcError> {
    archive
        .run(move |s| match path {
            Some(p) => s.backup_to(&PathBuf::from(p)).map(Some),
            None => s.backup(chrono::Utc::now()),
        })
        .await
}

#[tauri::command]
pub async fn backup_preview(archive: State<'_, Archive>, path: String) -> Result<BackupPreview, IpcError> {
    archive.run(move |store| store.preview_backup(&PathBuf::from(path))).await
}

#[tauri::command]
pub async fn backup_restore(
    app: AppHandle,
    archive: State<'_, Archive>,
    path: String,
) -> Result<BackupPreview, IpcError> {
    let restored = archive.run_exclusive(move |s| s.restore_file(&PathBuf::from(path), chrono::Utc::now())).await?;
    announce(&app, DataChanged::everything());
    Ok(restored)
}

#[tauri::command]
pub async fn backup_schedule(archive: State<'_, Archive>) -> Result<BackupSchedule, IpcError> {
    archive.run(|s| s.backup_schedule()).await
}

#[tauri::command]
pub async fn backup_schedule_save(
    archive: State<'_, Archive>,
    schedule: BackupSchedule,
) -> Result<BackupSchedule, IpcError> {
    archive.run(move |s| s.set_backup_schedule(schedule)).await
}

/// Customers or orders as the list selects them, over the app's roster.
#[tauri::command]
pub async fn export_data(archive: State<'_, Archive>, request: ExportRequest) -> Result<ExportReport, IpcError> {
    archive.with_roster(move |s, roster, today| s.export_in(roster, &request, today)).await
}

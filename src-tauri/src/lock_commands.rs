//! The encrypted archive's commands: whether it is locked, unlocking it with
//! the passphrase at start, and turning encryption on, off or to a new
//! passphrase from Settings. Passphrases arrive, are used and are dropped; the
//! key derived from one lives in `Archive` for this run only.

use crate::archive::Archive;
use crate::commands::announce;
use crate::error::IpcError;
use laoke_core::dto::{ArchiveLock, DataChanged};
use laoke_store::cipher::{ArchiveKey, EncryptionReport};
use tauri::{AppHandle, State};

#[tauri::command]
pub fn archive_lock(archive: State<'_, Archive>) -> ArchiveLock {
    let (encrypted, unlocked) = archive.lock_state();
    ArchiveLock { encrypted, unlocked }
}

/// Unlocks the archive; everything the UI read while it was locked is read again.
#[tauri::command]
pub async fn archive_unlock(app: AppHandle, archive: State<'_, Archive>, passphrase: String) -> Result<(), IpcError> {
    archive.unlock(ArchiveKey::new(&passphrase)?).await?;
    announce(&app, DataChanged::everything());
    Ok(())
}

#[tauri::command]
pub async fn encryption_enable(archive: State<'_, Archive>, passphrase: String) -> Result<EncryptionReport, IpcError> {
    archive.change_encryption(None, Some(ArchiveKey::chosen(&passphrase)?)).await
}

#[tauri::command]
pub async fn encryption_change(
    archive: State<'_, Archive>,
    current: String,
    next: String,
) -> Result<EncryptionReport, IpcError> {
    archive.change_encryption(Some(ArchiveKey::new(&current)?), Some(ArchiveKey::chosen(&next)?)).await
}

#[tauri::command]
pub async fn encryption_disable(archive: State<'_, Archive>, current: String) -> Result<EncryptionReport, IpcError> {
    archive.change_encryption(Some(ArchiveKey::new(&current)?), None).await
}

//! IPC commands of membership tiers: the saved state, the what-if preview,
//! applying a ladder, a customer's history and pins.

use crate::archive::Archive;
use crate::commands::announce;
use crate::error::IpcError;
use laoke_core::dto::{DataChanged, TierChangeView, TierPreview, TierState};
use laoke_core::tier::TierLadder;
use tauri::{AppHandle, State};

#[tauri::command]
pub async fn tier_state(archive: State<'_, Archive>) -> Result<TierState, IpcError> {
    archive.with_roster(|s, _, _| s.tier_state()).await
}

#[tauri::command]
pub async fn tier_preview(archive: State<'_, Archive>, ladder: TierLadder) -> Result<TierPreview, IpcError> {
    archive.with_roster(move |s, _, today| s.tier_preview(&ladder, today)).await
}

#[tauri::command]
pub async fn tier_apply(
    app: AppHandle,
    archive: State<'_, Archive>,
    ladder: TierLadder,
) -> Result<TierPreview, IpcError> {
    let applied = archive.with_roster(move |s, _, today| s.tier_apply(&ladder, today)).await?;
    announce(&app, DataChanged::customers());
    Ok(applied)
}

#[tauri::command]
pub async fn tier_history(archive: State<'_, Archive>, customer: i64) -> Result<Vec<TierChangeView>, IpcError> {
    archive.run(move |s| s.tier_history(customer)).await
}

#[tauri::command]
pub async fn tier_pin(
    app: AppHandle,
    archive: State<'_, Archive>,
    customer: i64,
    tier: Option<String>,
) -> Result<(), IpcError> {
    archive.with_roster(move |s, _, today| s.tier_pin(customer, tier.as_deref(), today)).await?;
    announce(&app, DataChanged::customers());
    Ok(())
}

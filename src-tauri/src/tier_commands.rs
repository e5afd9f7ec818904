//! IPC commands of membership tiers: the saved state, the what-if preview,
//! applying a ladder, a customer's history and pins.

use crate::archive::Archive;
use crate::commands::announce;
use crate::error::IpcError;
use laoke_core::dto::{DataChanged, TierChangeView, TierPreview, TierState};
use laoke_core::tier::TierLadder;
use laoke_store::TierInputs;
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, State};

/// The tier inputs of the last preview, kept while the window, the day and the
/// archive generation stay the same: dragging a threshold then previews from
/// memory instead of re-reading every order.
#[derive(Default)]
pub struct TierCache(Arc<Mutex<Option<Arc<TierInputs>>>>);

#[tauri::command]
pub async fn tier_state(archive: State<'_, Archive>) -> Result<TierState, IpcError> {
    archive.with_roster(|s, _, _| s.tier_state()).await
}

#[tauri::command]
pub async fn tier_preview(
    archive: State<'_, Archive>,
    cache: State<'_, TierCache>,
    ladder: TierLadder,
) -> Result<TierPreview, IpcError> {
    let cache = cache.0.clone();
    archive
        .with_roster(move |s, _, today| {
            let generation = s.generation()?;
            let held = cache.lock().unwrap_or_else(|p| p.into_inner()).clone();
            let inputs = match held {
                Some(i) if i.window == ladder.window && i.today == today && i.generation == generation => i,
                _ => {
                    let fresh = Arc::new(s.tier_inputs(ladder.window, today)?);
                    *cache.lock().unwrap_or_else(|p| p.into_inner()) = Some(fresh.clone());
                    fresh
                }
            };
            s.tier_preview_in(&ladder, &inputs)
        })
        .await
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

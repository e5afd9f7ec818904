//! IPC commands of membership tiers: the saved state, the what-if preview,
//! applying a ladder, a customer's history and pins.

use crate::archive::Archive;
use crate::commands::announce;
use crate::error::IpcError;
use chrono::NaiveDate;
use laoke_core::dto::{DataChanged, TierChangeRow, TierChangeView, TierMoverQuery, TierMoves, TierPreview, TierState};
use laoke_core::tier::{TierLadder, TierWindow};
use laoke_store::{Store, TierInputs};
use rust_decimal::Decimal;
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, State};

/// The tier inputs of the last preview, kept while the window, the day and the
/// archive generation stay the same: dragging a threshold then previews from
/// memory instead of re-reading every order.
#[derive(Default, Clone)]
pub struct TierCache(Arc<Mutex<Option<Arc<TierInputs>>>>);

#[tauri::command]
pub async fn tier_state(archive: State<'_, Archive>) -> Result<TierState, IpcError> {
    archive.with_roster(|s, _, _| s.tier_state()).await
}

impl TierCache {
    /// The inputs for `window` today, read again only when the window, the day
    /// or the archive's generation changed since the last call.
    fn inputs(&self, s: &Store, window: TierWindow, today: NaiveDate) -> laoke_store::Result<Arc<TierInputs>> {
        let generation = s.generation()?;
        let held = self.0.lock().unwrap_or_else(|p| p.into_inner()).clone();
        if let Some(i) = held.filter(|i| i.window == window && i.today == today && i.generation == generation) {
            return Ok(i);
        }
        let fresh = Arc::new(s.tier_inputs(window, today)?);
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(fresh.clone());
        Ok(fresh)
    }
}

#[tauri::command]
pub async fn tier_preview(
    archive: State<'_, Archive>,
    cache: State<'_, TierCache>,
    ladder: TierLadder,
) -> Result<TierPreview, IpcError> {
    let cache = cache.inner().clone();
    archive.with_roster(move |s, _, today| s.tier_preview_in(&ladder, &*cache.inputs(s, ladder.window, today)?)).await
}

#[tauri::command]
pub async fn tier_movers(
    archive: State<'_, Archive>,
    cache: State<'_, TierCache>,
    ladder: TierLadder,
    query: TierMoverQuery,
) -> Result<TierMoves, IpcError> {
    let cache = cache.inner().clone();
    archive
        .with_roster(move |s, _, today| s.tier_movers_in(&ladder, &*cache.inputs(s, ladder.window, today)?, &query))
        .await
}

/// The threshold slider's points (lowest first) for a window.
#[tauri::command]
pub async fn tier_value_scale(
    archive: State<'_, Archive>,
    cache: State<'_, TierCache>,
    window: TierWindow,
) -> Result<Vec<Decimal>, IpcError> {
    let cache = cache.inner().clone();
    archive.with_roster(move |s, _, today| Ok(Store::tier_value_scale_in(&*cache.inputs(s, window, today)?))).await
}

#[tauri::command]
pub async fn tier_changes_recent(
    archive: State<'_, Archive>,
    limit: u32,
    skip_ladder: bool,
) -> Result<Vec<TierChangeRow>, IpcError> {
    archive.run(move |s| s.tier_changes_recent(limit, skip_ladder)).await
}

#[tauri::command]
pub async fn tier_apply(
    app: AppHandle,
    archive: State<'_, Archive>,
    ladder: TierLadder,
) -> Result<TierPreview, IpcError> {
    let applied = archive
        .with_roster(move |s, _, today| {
            s.backup(chrono::Utc::now())?;
            s.tier_apply(&ladder, today)
        })
        .await?;
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

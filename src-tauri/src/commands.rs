//! The IPC commands. Each is a few lines: DTO in, a store call off the main
//! thread, errors mapped, and a `data-changed` event after every write.

use crate::archive::Archive;
use crate::error::IpcError;
use laoke_core::dto::{
    CustomerPage, CustomerQuery, Dashboard, DashboardQuery, DataChanged, DataTag, DbInfo, DemoProgress, DemoReport,
    DemoRequest, Prediction, Settings, ShopUpdate, ShopView,
};
use tauri::{AppHandle, Emitter, Manager, State};

const DATA_CHANGED: &str = "data-changed";
const DEMO_PROGRESS: &str = "demo-progress";

/// Tells the UI what a write made stale, and wakes the care scheduler: any
/// write (an import, a profile, a rule) may change what is planned.
pub fn announce(app: &AppHandle, change: DataChanged) {
    // Orders, shops (cash on delivery) and settings (the time zone) are what the dashboard folds.
    let dashboard = change.tags.iter().any(|t| matches!(t, DataTag::Orders | DataTag::Shops | DataTag::Settings));
    if let Err(e) = app.emit(DATA_CHANGED, change) {
        tracing::warn!("could not emit {DATA_CHANGED}: {e}");
    }
    crate::scheduler::poke(app);
    if dashboard {
        if let Some(archive) = app.try_state::<Archive>() {
            archive.warm_dashboard();
        }
    }
}

#[tauri::command]
pub async fn app_info(archive: State<'_, Archive>) -> Result<DbInfo, IpcError> {
    archive.run(|s| s.info()).await
}

/// The dashboard of a period, shops or platform, folded from the cached ledger.
#[tauri::command]
pub async fn dashboard(archive: State<'_, Archive>, query: DashboardQuery) -> Result<Dashboard, IpcError> {
    archive.with_ledger(move |s, ledger, today| s.dashboard(&query, today, Some(ledger))).await
}

/// The repeat buyers who spent the most and are slipping away (P(alive) below
/// one half), with the model behind the figures.
#[tauri::command]
pub async fn slipping_away(archive: State<'_, Archive>, limit: u32) -> Result<Prediction, IpcError> {
    archive.slipping_away(limit as usize).await
}

#[tauri::command]
pub async fn shops_list(archive: State<'_, Archive>) -> Result<Vec<ShopView>, IpcError> {
    archive.run(|s| s.shops()).await
}

#[tauri::command]
pub async fn shop_update(
    app: AppHandle,
    archive: State<'_, Archive>,
    id: i64,
    change: ShopUpdate,
) -> Result<ShopView, IpcError> {
    let shop = archive.run_exclusive(move |s| s.update_shop(id, &change, chrono::Utc::now())).await?;
    // Counting cash on delivery or not changes purchases, values and every figure built on them.
    announce(
        &app,
        DataChanged {
            tags: vec![DataTag::Shops, DataTag::Customers, DataTag::Orders, DataTag::Stats, DataTag::Segments],
        },
    );
    Ok(shop)
}

#[tauri::command]
pub async fn customers_page(archive: State<'_, Archive>, query: CustomerQuery) -> Result<CustomerPage, IpcError> {
    archive.with_roster(move |s, roster, today| s.customer_page_in(roster, &query, today)).await
}

#[tauri::command]
pub async fn demo_create(
    app: AppHandle,
    archive: State<'_, Archive>,
    request: DemoRequest,
) -> Result<DemoReport, IpcError> {
    let progress_app = app.clone();
    let report = archive
        .run_exclusive(move |s| {
            s.fill_demo(request, chrono::Utc::now(), |p: &DemoProgress| {
                let _ = progress_app.emit(DEMO_PROGRESS, p);
                true
            })
        })
        .await?;
    announce(&app, DataChanged::archive());
    Ok(report)
}

#[tauri::command]
pub async fn settings_get(archive: State<'_, Archive>) -> Result<Settings, IpcError> {
    archive.run(|s| s.settings()).await
}

#[tauri::command]
pub async fn settings_update(
    app: AppHandle,
    archive: State<'_, Archive>,
    settings: Settings,
) -> Result<Settings, IpcError> {
    let saved = archive.run(move |s| s.update_settings(&settings)).await?;
    // The time zone decides months on the dashboard, so stats go stale too.
    announce(&app, DataChanged { tags: vec![DataTag::Settings, DataTag::Stats] });
    Ok(saved)
}

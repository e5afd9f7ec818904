//! IPC commands of the customer archive: profiles and their edits, tags and
//! notes, bulk changes and CSV export, saved segments, lifecycle thresholds and
//! the RFM summary. Each is a store call off the main thread; writes announce
//! `data-changed` so the lists and counts refresh.

use crate::archive::Archive;
use crate::commands::announce;
use crate::error::IpcError;
use laoke_core::dto::{
    BulkAction, BulkTarget, CustomerProfile, DataChanged, ExportFormat, ExportKind, ExportRequest, ProfileEdit,
    RecomputeReport, RfmSummary, Segment, SegmentCount, StagePreview,
};
use laoke_core::lifecycle::StageThresholds;
use laoke_core::segment::Filter;
use tauri::{AppHandle, State};

#[tauri::command]
pub async fn customer_profile(archive: State<'_, Archive>, id: i64) -> Result<CustomerProfile, IpcError> {
    archive.with_roster(move |s, _, today| s.customer_profile(id, today)).await
}

#[tauri::command]
pub async fn customer_update(
    app: AppHandle,
    archive: State<'_, Archive>,
    id: i64,
    edit: ProfileEdit,
) -> Result<(), IpcError> {
    archive.run(move |s| s.update_profile(id, &edit, chrono::Utc::now())).await?;
    announce(&app, DataChanged::customers());
    Ok(())
}

#[tauri::command]
pub async fn customer_tag(app: AppHandle, archive: State<'_, Archive>, id: i64, tag: String) -> Result<(), IpcError> {
    archive.run(move |s| s.tag_customer(id, &tag, chrono::Utc::now())).await?;
    announce(&app, DataChanged::customers());
    Ok(())
}

#[tauri::command]
pub async fn customer_untag(app: AppHandle, archive: State<'_, Archive>, id: i64, tag: String) -> Result<(), IpcError> {
    archive.run(move |s| s.untag_customer(id, &tag)).await?;
    announce(&app, DataChanged::customers());
    Ok(())
}

#[tauri::command]
pub async fn customer_note_add(
    app: AppHandle,
    archive: State<'_, Archive>,
    id: i64,
    body: String,
) -> Result<(), IpcError> {
    archive.run(move |s| s.add_note(id, &body, chrono::Utc::now()).map(|_| ())).await?;
    announce(&app, DataChanged::customers());
    Ok(())
}

#[tauri::command]
pub async fn tags_list(archive: State<'_, Archive>) -> Result<Vec<String>, IpcError> {
    archive.run(|s| s.tag_names()).await
}

#[tauri::command]
pub async fn customers_bulk(
    app: AppHandle,
    archive: State<'_, Archive>,
    action: BulkAction,
    target: BulkTarget,
) -> Result<u32, IpcError> {
    let changed = archive
        .with_roster(move |s, roster, today| {
            let ids = s.target_ids(roster, &target, today)?;
            // A bulk change is backed up first, as an import is.
            s.backup(chrono::Utc::now())?;
            s.bulk(&action, &ids, chrono::Utc::now())
        })
        .await?;
    announce(&app, DataChanged::customers());
    Ok(changed)
}

#[tauri::command]
pub async fn customers_export(archive: State<'_, Archive>, target: BulkTarget, path: String) -> Result<u32, IpcError> {
    archive
        .with_roster(move |s, roster, today| {
            let ids = s.target_ids(roster, &target, today)?;
            let request = ExportRequest {
                kind: ExportKind::Customers,
                format: ExportFormat::of_path(std::path::Path::new(&path)),
                query: Default::default(),
                ids: Some(ids),
                privacy: false,
                language: None,
                path,
            };
            Ok(s.export_in(roster, &request, today)?.rows)
        })
        .await
}

#[tauri::command]
pub async fn segments_list(archive: State<'_, Archive>) -> Result<Vec<Segment>, IpcError> {
    archive.run(|s| s.segments()).await
}

#[tauri::command]
pub async fn segment_save(
    app: AppHandle,
    archive: State<'_, Archive>,
    name: String,
    filter: Filter,
) -> Result<Segment, IpcError> {
    let saved = archive.run(move |s| s.save_segment(&name, &filter, chrono::Utc::now())).await?;
    announce(&app, DataChanged::customers());
    Ok(saved)
}

#[tauri::command]
pub async fn segment_delete(app: AppHandle, archive: State<'_, Archive>, id: i64) -> Result<(), IpcError> {
    archive.run(move |s| s.delete_segment(&id.to_string())).await?;
    announce(&app, DataChanged::customers());
    Ok(())
}

#[tauri::command]
pub async fn segment_count(archive: State<'_, Archive>, filter: Filter) -> Result<SegmentCount, IpcError> {
    archive.with_roster(move |s, roster, today| s.count_in(roster, &filter, today)).await
}

#[tauri::command]
pub async fn stage_thresholds_get(archive: State<'_, Archive>) -> Result<StageThresholds, IpcError> {
    archive.run(|s| s.stage_thresholds()).await
}

#[tauri::command]
pub async fn stage_preview(archive: State<'_, Archive>, thresholds: StageThresholds) -> Result<StagePreview, IpcError> {
    archive.with_roster(move |s, _, today| s.preview_thresholds(thresholds, today)).await
}

#[tauri::command]
pub async fn stage_thresholds_set(
    app: AppHandle,
    archive: State<'_, Archive>,
    thresholds: StageThresholds,
) -> Result<RecomputeReport, IpcError> {
    let report = archive
        .run(move |s| {
            let today = laoke_core::time::local_date(chrono::Utc::now(), s.timezone()?);
            s.set_stage_thresholds(thresholds, today)
        })
        .await?;
    announce(&app, DataChanged::customers());
    Ok(report)
}

#[tauri::command]
pub async fn rfm_summary(archive: State<'_, Archive>) -> Result<RfmSummary, IpcError> {
    archive.with_roster(|s, _, _| s.rfm_summary()).await
}

#[tauri::command]
pub async fn merge_suggestions(archive: State<'_, Archive>) -> Result<Vec<laoke_core::dto::MergeSuggestion>, IpcError> {
    archive.with_roster(|s, roster, _| s.merge_suggestions(roster)).await
}

#[tauri::command]
pub async fn customers_merge(
    app: AppHandle,
    archive: State<'_, Archive>,
    target: i64,
    others: Vec<i64>,
) -> Result<(), IpcError> {
    archive
        .run(move |s| {
            s.backup(chrono::Utc::now())?;
            s.merge_customers(target, &others, chrono::Utc::now())
        })
        .await?;
    announce(&app, DataChanged::customers());
    Ok(())
}

#[tauri::command]
pub async fn customer_unmerge(app: AppHandle, archive: State<'_, Archive>, id: i64) -> Result<(), IpcError> {
    archive.run(move |s| s.unmerge_customer(id, chrono::Utc::now())).await?;
    announce(&app, DataChanged::customers());
    Ok(())
}

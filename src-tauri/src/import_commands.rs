//! The Import page's commands: preview a file, import files with progress and
//! cancel, the history of imports, and saved column mappings.

use crate::archive::Archive;
use crate::error::IpcError;
use laoke_core::dto::{
    DataChanged, ImportBatch, ImportPreview, ImportProgress, ImportReport, ImportRequest, MappingPreset,
};
use laoke_store::{ImportFlags, StoreError};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use tauri::{AppHandle, Emitter, State};

const IMPORT_PROGRESS: &str = "import-progress";

#[tauri::command]
pub async fn import_preview(
    archive: State<'_, Archive>,
    path: String,
    request: ImportRequest,
) -> Result<ImportPreview, IpcError> {
    archive.run(move |s| s.import_preview(&PathBuf::from(path), &request.options(), request.shop.as_deref())).await
}

#[tauri::command]
pub async fn import_files(
    app: AppHandle,
    archive: State<'_, Archive>,
    paths: Vec<String>,
    request: ImportRequest,
) -> Result<ImportReport, IpcError> {
    archive.cancel.store(false, Ordering::SeqCst);
    let cancel = archive.cancel.clone();
    let progress_app = app.clone();
    let result = archive
        .run_exclusive(move |s| {
            s.backup(chrono::Utc::now())?;
            let opts = request.options();
            // Not exclusive: the app's screens keep reading through the WAL while a file imports.
            let flags = &ImportFlags {
                strict: request.strict,
                dry_run: false,
                exclusive: false,
                shop: request.shop.clone(),
                allow_conflicts: request.allow_conflicts,
            };
            let mut report = ImportReport::default();
            for path in paths {
                let result =
                    s.import_file(&PathBuf::from(path), &opts, flags, chrono::Utc::now(), |p: &ImportProgress| {
                        let _ = progress_app.emit(IMPORT_PROGRESS, p);
                        !cancel.load(Ordering::SeqCst)
                    });
                match result {
                    Ok(file) => report.files.push(file),
                    Err(e) if report.files.is_empty() => return Err(e),
                    // The files before this one were imported (each in its own
                    // transaction): their reports travel with the error.
                    Err(e) => return Err(StoreError::Partial { error: Box::new(e), done: report }),
                }
            }
            Ok(report)
        })
        .await;
    // Files before a failing one were imported: the archive changed either way.
    crate::commands::announce(&app, DataChanged::archive());
    result
}

#[tauri::command]
pub fn import_cancel(archive: State<'_, Archive>) {
    archive.cancel.store(true, Ordering::SeqCst);
}

#[tauri::command]
pub async fn import_history(archive: State<'_, Archive>) -> Result<Vec<ImportBatch>, IpcError> {
    archive.run(|s| s.import_history(50)).await
}

#[tauri::command]
pub async fn mapping_presets(archive: State<'_, Archive>) -> Result<Vec<MappingPreset>, IpcError> {
    archive.run(|s| s.mapping_presets()).await
}

#[tauri::command]
pub async fn mapping_save(app: AppHandle, archive: State<'_, Archive>, preset: MappingPreset) -> Result<(), IpcError> {
    let now = chrono::Utc::now();
    archive.run(move |s| s.save_mapping(&preset.name, &preset.headers, &preset.mapping, now)).await?;
    crate::commands::announce(&app, DataChanged { tags: vec![laoke_core::dto::DataTag::Imports] });
    Ok(())
}

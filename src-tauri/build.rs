//! Declares the app's own IPC commands so that each gets an `allow-…`
//! permission; a command not granted in `capabilities/` cannot be invoked.

fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(&[
        "app_info",
        "dashboard",
        "customers_page",
        "demo_create",
        "settings_get",
        "settings_update",
        "import_preview",
        "import_files",
        "import_cancel",
        "import_history",
        "mapping_presets",
        "mapping_save",
        "customer_profile",
        "customer_update",
        "customer_tag",
        "customer_untag",
        "customer_note_add",
        "tags_list",
        "customers_bulk",
        "customers_export",
        "segments_list",
        "segment_save",
        "segment_delete",
        "segment_count",
        "stage_thresholds_get",
        "stage_preview",
        "stage_thresholds_set",
        "rfm_summary",
        "merge_suggestions",
        "customers_merge",
        "customer_unmerge",
        "tier_state",
        "tier_preview",
        "tier_apply",
        "tier_history",
        "tier_pin",
    ])))
    .expect("tauri build script failed");
}

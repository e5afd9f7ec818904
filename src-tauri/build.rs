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
    ])))
    .expect("tauri build script failed");
}

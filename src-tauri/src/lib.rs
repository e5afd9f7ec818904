//! Laoke's desktop shell. It owns the window, the IPC commands and the care
//! scheduler (`scheduler`); everything the commands do is a call into `laoke-store`,
//! made off the main thread so the window never freezes on a big archive.
//!
//! The archive path is `LAOKE_DB` when set (the end-to-end tests give every run
//! a fresh file), otherwise the OS application-data folder.

mod activity_commands;
mod archive;
mod care_commands;
mod commands;
mod customer_commands;
mod data_commands;
mod error;
mod import_commands;
mod lock_commands;
mod menu;
mod scheduler;
mod tier_commands;

use archive::Archive;
use std::path::PathBuf;
use tauri::Manager;

pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("LAOKE_LOG").unwrap_or_else(|_| "info".into()))
        .with_writer(std::io::stderr)
        .init();
    let path = std::env::var_os("LAOKE_DB").map(PathBuf::from).unwrap_or_else(laoke_store::location::default_db_path);
    tracing::info!(path = %path.display(), "opening the archive");
    let context = tauri::generate_context!();
    tauri::Builder::default()
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .manage(Archive::new(path))
        .manage(tier_commands::TierCache::default())
        .setup(move |app| {
            menu::install(app.handle());
            let archive = app.state::<Archive>().inner().clone();
            archive.warm_dashboard();
            app.manage(scheduler::CareScheduler::start(app.handle().clone(), archive));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            activity_commands::activity_calendar,
            activity_commands::activity_types,
            activity_commands::activity_type_save,
            activity_commands::activity_type_reset,
            activity_commands::activity_settings,
            activity_commands::activity_settings_save,
            activity_commands::activity_new,
            activity_commands::activity_preview,
            activity_commands::activity_save,
            activity_commands::activity_move,
            activity_commands::activity_delete,
            activity_commands::activity_tick,
            activity_commands::activity_results,
            activity_commands::activity_suggest,
            activity_commands::activity_steps,
            activity_commands::coupon_plans,
            activity_commands::coupon_estimate,
            activity_commands::coupon_save,
            activity_commands::coupon_delete,
            activity_commands::coupon_results,
            activity_commands::coupon_results_from_orders,
            care_commands::care_rules,
            care_commands::care_rule_check,
            care_commands::care_rule_save,
            care_commands::care_rule_enable,
            care_commands::care_rule_delete,
            care_commands::care_rule_preview,
            care_commands::care_calendar,
            care_commands::care_festivals,
            care_commands::care_due,
            care_commands::care_day,
            care_commands::care_mark_copied,
            care_commands::care_export_sms,
            care_commands::care_send_email,
            care_commands::care_retry,
            care_commands::care_record_manual,
            care_commands::smtp_password_save,
            care_commands::smtp_test,
            care_commands::shop_dates,
            care_commands::shop_dates_save,
            commands::app_info,
            commands::dashboard,
            commands::slipping_away,
            commands::shops_list,
            commands::shop_update,
            commands::customers_page,
            commands::demo_create,
            commands::settings_get,
            commands::settings_update,
            import_commands::import_preview,
            import_commands::import_files,
            import_commands::import_cancel,
            import_commands::import_history,
            import_commands::mapping_presets,
            import_commands::mapping_save,
            menu::menu_set_language,
            menu::menu_labels,
            lock_commands::archive_lock,
            lock_commands::archive_unlock,
            lock_commands::encryption_enable,
            lock_commands::encryption_change,
            lock_commands::encryption_disable,
            data_commands::backups,
            data_commands::backup_create,
            data_commands::backup_preview,
            data_commands::backup_restore,
            data_commands::backup_schedule,
            data_commands::backup_schedule_save,
            data_commands::export_data,
            customer_commands::customer_profile,
            customer_commands::customer_update,
            customer_commands::customer_tag,
            customer_commands::customer_untag,
            customer_commands::customer_note_add,
            customer_commands::tags_list,
            customer_commands::customers_bulk,
            customer_commands::customers_export,
            customer_commands::segments_list,
            customer_commands::segment_save,
            customer_commands::segment_delete,
            customer_commands::segment_count,
            customer_commands::stage_thresholds_get,
            customer_commands::stage_preview,
            customer_commands::stage_thresholds_set,
            customer_commands::rfm_summary,
            customer_commands::merge_suggestions,
            customer_commands::customers_merge,
            customer_commands::customer_unmerge,
            tier_commands::tier_state,
            tier_commands::tier_preview,
            tier_commands::tier_apply,
            tier_commands::tier_history,
            tier_commands::tier_pin,
            tier_commands::tier_movers,
            tier_commands::tier_value_scale,
            tier_commands::tier_changes_recent,
        ])
        .run(context)
        .expect("the Laoke window could not start");
}

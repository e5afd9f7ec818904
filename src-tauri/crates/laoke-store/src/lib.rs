//! Laoke's archive on disk: one SQLite file per shop owner, opened in WAL mode
//! with a busy timeout and foreign keys on, migrated with `rusqlite_migration`.
//!
//! One module per table owns that table's schema, its statements and its tests;
//! the use-case modules (`info`, `demo`, `dashboard`, `customer_list`) combine
//! those with the rules of `laoke-core`. Nothing here knows about Tauri: the CLI
//! and the app both drive the archive through [`Store`].

mod activities;
mod activity_types;
mod archive_rules;
mod backups;
mod borrowing_statement;
mod bulk;
mod care_email;
mod care_messages;
mod care_plan;
mod care_rules;
mod care_views;
mod check_lists;
pub mod cipher;
mod coupon_plans;
mod customer_bulk;
mod customer_forecasts;
mod customer_list;
mod customer_merges;
mod customer_profile;
mod customer_scores;
mod customer_tags;
mod customers;
mod dashboard;
mod db;
mod decimal_text;
mod demo;
mod edit_error;
mod edited_fields;
mod error;
mod etsy_usernames;
mod export;
mod file_cause;
mod import;
mod import_batches;
mod import_history;
mod info;
pub mod location;
mod mapping_presets;
mod membership;
mod notes;
mod order_items;
mod orders;
mod orders_per_shop;
mod pending_items;
mod persons;
mod prediction;
mod roster;
mod schema;
mod segments;
mod settings;
mod shops;
mod smtp_password;
mod stage_changes;
mod stored_values;
mod tags;
mod targets;
#[cfg(test)]
mod test_shop;
mod tier_changes;

pub use backups::{backup_preview, BackupInfo, KEEP_MAX};
pub use care_email::{EmailError, EmailRound};
pub use care_plan::PLAN_DAYS_MAX;
pub use dashboard::LedgerSnapshot;
pub use db::Store;
pub use error::{EditError, StoreError};
pub use import::ImportFlags;
pub use membership::{TierInputs, MAX_MOVERS};
pub use prediction::PredictRequest;
pub use roster::RosterSnapshot;
pub use schema::SCHEMA_VERSION;
pub use smtp_password::{save_smtp_password, smtp_password, KeychainError, PASSWORD_VARIABLE};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

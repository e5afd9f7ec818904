//! The seller's copies of their data: what a backup file holds before it is
//! restored, the schedule of automatic backups, and exports of customers and
//! orders to CSV or XLSX (whole, a segment, or with contacts masked).

use super::CustomerQuery;
use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr, VariantArray};
use ts_rs::TS;

/// What a backup file holds, read without changing it, shown before a restore.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupPreview {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// The schema the file was written with; an older one is migrated on restore.
    pub schema_version: u32,
    /// The schema this version of Laoke writes.
    pub current_schema: u32,
    pub customers: u32,
    pub orders: u32,
    /// When the newest finished import (or demo fill) in the file ended, UTC.
    pub last_import: Option<String>,
}

/// Whether the archive is encrypted and, if so, whether the app holds its key
/// (the UI shows the unlock screen until it does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArchiveLock {
    pub encrypted: bool,
    pub unlocked: bool,
}

/// Automatic backups besides those taken before imports and bulk changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct BackupSchedule {
    /// One backup a day, taken by the running app when the newest is a day old.
    pub daily: bool,
    /// How many backups the backup folder keeps (every kind counts); older ones are deleted.
    pub keep: u32,
}

impl Default for BackupSchedule {
    fn default() -> Self {
        BackupSchedule { daily: true, keep: 10 }
    }
}

/// Which rows an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, EnumString, IntoStaticStr, VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum ExportKind {
    /// One row per customer, with contacts, tags, stage, tier, totals and forecast.
    Customers,
    /// One row per order of the selected customers, with its items.
    Orders,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, EnumString, IntoStaticStr, VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    /// UTF-8 with a byte-order mark, so that Excel reads Chinese text right.
    Csv,
    Xlsx,
}

impl ExportFormat {
    /// The format a file name asks for: XLSX for `.xlsx` (any case), CSV otherwise.
    pub fn of_path(path: &std::path::Path) -> ExportFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("xlsx") => ExportFormat::Xlsx,
            _ => ExportFormat::Csv,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportRequest {
    pub kind: ExportKind,
    pub format: ExportFormat,
    /// The customers to export, as the customer list selects them (search,
    /// platform, filter, segment; paging is ignored). With nothing selected,
    /// an orders export also holds orders without a buyer identity.
    pub query: CustomerQuery,
    /// These customers instead of the query's (the rows ticked in the list), in this order.
    #[serde(default)]
    #[ts(optional, type = "Array<number>")]
    pub ids: Option<Vec<i64>>,
    /// Mask phones, emails, names and addresses (`laoke_core::privacy`) and leave free text out.
    pub privacy: bool,
    /// `zh-CN` or `en-US` column titles; the archive's language when left out.
    #[serde(default)]
    #[ts(optional)]
    pub language: Option<String>,
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportReport {
    pub path: String,
    pub kind: ExportKind,
    pub format: ExportFormat,
    pub rows: u32,
    pub privacy: bool,
    /// XLSX cells cut to the 32,767 characters a cell holds (CSV cuts nothing).
    pub truncated_cells: u32,
}

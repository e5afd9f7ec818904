//! What an import did, file by file: the report `laoke import --json` prints and
//! the Import page shows. Field names are a public contract.

use crate::import::source::SourceEncoding;
use crate::import::{ImportFormat, Rejection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FileReport {
    pub file: String,
    pub format: ImportFormat,
    pub encoding: SourceEncoding,
    /// Data rows in the file (the header not counted).
    #[ts(type = "number")]
    pub rows: u64,
    pub orders_new: u32,
    pub orders_updated: u32,
    pub orders_unchanged: u32,
    /// Order lines in the file's orders.
    pub items: u32,
    pub customers_new: u32,
    /// Orders whose export carried no usable buyer identity (still imported and counted).
    pub no_identity: u32,
    pub rejected: Vec<Rejection>,
    /// The batch this file was recorded as (absent for a dry run).
    #[ts(type = "number | null")]
    pub batch_id: Option<i64>,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
}

/// Progress of the file being imported, for the progress bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    pub file: String,
    #[ts(type = "number")]
    pub bytes_done: u64,
    #[ts(type = "number")]
    pub bytes_total: u64,
    #[ts(type = "number")]
    pub rows: u64,
}

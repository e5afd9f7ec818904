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
    /// Orders the archive already holds at a later stage (an older export
    /// imported after a newer one): left as they were.
    #[serde(default)]
    pub orders_stale: u32,
    /// Rows that are another order than the stored one of their number (another
    /// creation time or buyer): rejected with `row.order_conflict`.
    #[serde(default)]
    pub conflicts: u32,
    /// Shipped cash-on-delivery orders not marked paid that count as purchases
    /// because their shop counts them.
    #[serde(default)]
    pub cod_counted: u32,
    /// The shops the file's orders went to, by name.
    #[serde(default)]
    pub shops: Vec<String>,
    /// Order lines in the file's orders.
    pub items: u32,
    pub customers_new: u32,
    /// Orders whose export carried no usable buyer identity (still imported and counted).
    pub no_identity: u32,
    pub rejected: Vec<Rejection>,
    /// Rows imported with undecodable bytes replaced by U+FFFD (`row.bytes_replaced`), when asked to.
    #[serde(default)]
    pub replaced: Vec<Rejection>,
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

/// How the UI asks for files to be read: the format (none = detect), a column
/// mapping for generic files, whether any rejected row rejects the file, the
/// shop the orders go to (none = the one the export names, else the platform's
/// only shop), and whether to import a file that seems to be another shop's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportRequest {
    pub format: Option<ImportFormat>,
    pub mapping: Option<crate::import::ColumnMapping>,
    #[serde(default)]
    pub strict: bool,
    #[serde(default)]
    pub shop: Option<String>,
    #[serde(default)]
    pub allow_conflicts: bool,
    /// Import a file with bytes that are no text, those bytes replaced with U+FFFD.
    #[serde(default)]
    pub replace_undecodable: bool,
}

impl ImportRequest {
    pub fn options(&self) -> crate::import::ImportOptions {
        crate::import::ImportOptions {
            format: self.format,
            mapping: self.mapping.clone(),
            replace_undecodable: self.replace_undecodable,
        }
    }
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

/// An order as the importer understood it, for the preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PreviewOrder {
    #[ts(type = "number")]
    pub row: u64,
    pub order_no: String,
    pub buyer_id: Option<String>,
    pub nick: String,
    pub status: crate::OrderStatus,
    pub created_at: String,
    #[ts(type = "string")]
    pub amount_paid: rust_decimal::Decimal,
    #[ts(type = "string")]
    pub refund: rust_decimal::Decimal,
    #[ts(type = "string")]
    pub value: rust_decimal::Decimal,
    /// Whether the order counts as a purchase (in the shop it would go to).
    pub purchase: bool,
    /// Cash on delivery, payment not confirmed by the export.
    #[serde(default)]
    pub cod: bool,
    pub items: u32,
    /// The shop the export names for the order.
    #[serde(default)]
    pub shop: Option<String>,
}

/// Where a previewed file's orders would go, and how its first orders compare
/// with that shop's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PreviewShop {
    /// The shop, if it exists already (a new one is created by the import).
    #[ts(type = "number | null")]
    pub shop_id: Option<i64>,
    /// Its name (after the import); `None` when the platform has several shops and
    /// nothing says which.
    pub name: Option<String>,
    /// The platform's only shop, never named, takes the name the file gives: its
    /// name until now.
    pub renames: Option<String>,
    /// The import would create it.
    pub new: bool,
    /// The platform has several shops and the file names none: this is the one
    /// last chosen for the platform's files (the import must name it).
    pub remembered: bool,
    /// The platform's shops, when one must be chosen (`import.shop_required`).
    pub choices: Vec<String>,
    /// Previewed orders the shop holds already, in agreement with the file.
    pub known: u32,
    /// Previewed orders whose number the shop holds for another order (another
    /// creation time or buyer): the file is probably another shop's.
    pub conflicts: u32,
    /// Previewed orders another shop of the platform holds (same number, time and
    /// buyer): the file is probably that shop's.
    pub elsewhere: Vec<ShopMatch>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShopMatch {
    #[ts(type = "number")]
    pub shop_id: i64,
    pub name: String,
    pub orders: u32,
}

/// The first rows of a file as the importer reads them, before anything is saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub file: String,
    /// `None` when the header matches no known export and no mapping was given:
    /// the user maps the columns.
    pub format: Option<ImportFormat>,
    /// The platform of the format's orders.
    pub platform: Option<crate::Platform>,
    pub encoding: SourceEncoding,
    pub headers: Vec<String>,
    /// The first rows, cell by cell, for the mapping editor.
    pub sample: Vec<Vec<String>>,
    pub orders: Vec<PreviewOrder>,
    pub rejected: Vec<Rejection>,
    /// Rows read with undecodable bytes replaced, when asked to (see [`FileReport::replaced`]).
    #[serde(default)]
    pub replaced: Vec<Rejection>,
    /// The mapping used: the one given, or a saved preset for this header.
    pub mapping: Option<crate::import::ColumnMapping>,
    pub preset: Option<String>,
    /// The shop the file's first order names (a 店铺名称 column), if it names one.
    pub file_shop: Option<String>,
    /// The shop last chosen for a file of this platform.
    #[ts(type = "number | null")]
    pub last_shop: Option<i64>,
    /// Where the orders would go (absent until the format is known).
    pub shop: Option<PreviewShop>,
}

/// One past import (or demo fill), for the history list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportBatch {
    #[ts(type = "number")]
    pub id: i64,
    /// `file` or `demo`.
    pub source: String,
    pub file_name: Option<String>,
    pub format: Option<String>,
    pub encoding: Option<String>,
    /// `running`, `done`, `failed` or `cancelled`.
    pub status: String,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub report: Option<FileReport>,
}

/// A saved column mapping, offered again for files with the same header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MappingPreset {
    pub name: String,
    pub headers: Vec<String>,
    pub mapping: crate::import::ColumnMapping,
}

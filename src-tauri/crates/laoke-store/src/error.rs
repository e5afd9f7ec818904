//! Everything that can go wrong in the store, each with a stable code for the
//! UI and the CLI (see `laoke_core::ErrorCode`): the variant's strum name, or
//! the code of the error it wraps. The details are the variant's fields as
//! serde writes them, minus the sources (English text for the log).

pub use crate::edit_error::EditError;
use laoke_core::error::{ErrorCode, ErrorCodes};
use laoke_core::file_cause::FileCause;
use serde::Serialize;
use std::path::PathBuf;

/// Marks the variants that wrap another error and take their code from it.
const WRAPS: &str = "*";

#[derive(Debug, thiserror::Error, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(untagged)]
pub enum StoreError {
    #[strum(serialize = "db.open")]
    #[error("cannot open the database at {path}: {source}")]
    Open {
        path: PathBuf,
        #[serde(skip)]
        source: rusqlite::Error,
    },
    #[strum(serialize = "db.open")]
    #[error("cannot create the folder {path}: {source}")]
    CreateDir {
        path: PathBuf,
        #[serde(skip)]
        source: std::io::Error,
    },
    #[strum(serialize = "db.locked")]
    #[error("{path} is encrypted: give its passphrase (LAOKE_PASSPHRASE)")]
    Locked {
        #[serde(rename = "file")]
        path: PathBuf,
    },
    #[strum(serialize = "db.passphrase_wrong")]
    #[error("the passphrase does not open {path}")]
    WrongPassphrase {
        #[serde(rename = "file")]
        path: PathBuf,
    },
    #[strum(serialize = "db.passphrase_empty")]
    #[error("the passphrase is empty")]
    PassphraseEmpty,
    #[strum(serialize = "db.passphrase_too_short")]
    #[error("a passphrase needs at least {min} characters")]
    PassphraseTooShort { min: usize },
    #[strum(serialize = "db.already_encrypted")]
    #[error("{path} is already encrypted (laoke rekey changes its passphrase)")]
    AlreadyEncrypted {
        #[serde(rename = "file")]
        path: PathBuf,
    },
    #[strum(serialize = "db.not_encrypted")]
    #[error("{path} is not encrypted")]
    NotEncrypted {
        #[serde(rename = "file")]
        path: PathBuf,
    },
    #[strum(serialize = "db.in_use")]
    #[error("{path} is open in another program (close Laoke first); nothing was changed")]
    InUse {
        #[serde(rename = "file")]
        path: PathBuf,
    },
    #[strum(serialize = "db.rekey_failed")]
    #[error("cannot write {path} under its new key: {reason}")]
    Rekey {
        #[serde(rename = "file")]
        path: PathBuf,
        reason: String,
        cause: FileCause,
    },
    #[strum(serialize = "db.migrate")]
    #[serde(skip)]
    #[error("cannot bring the database schema up to date: {0}")]
    Migrate(#[from] rusqlite_migration::Error),
    #[strum(serialize = "db.query")]
    #[serde(skip)]
    #[error("database error: {0}")]
    Sqlite(#[source] rusqlite::Error),
    /// SQLite found no room on the disk for what it had to write; the
    /// transaction was rolled back.
    #[strum(serialize = "db.disk_full")]
    #[serde(skip)]
    #[error("the disk is full: {0}")]
    DiskFull(#[source] rusqlite::Error),
    #[strum(serialize = "db.corrupt")]
    #[error("the database holds a value it cannot read: {table}.{column} = {value:?}")]
    Corrupt { table: &'static str, column: &'static str, value: String },
    #[strum(serialize = "db.duplicate")]
    #[error("{table} already holds {key}")]
    Duplicate { table: &'static str, key: String },
    #[strum(serialize = "demo.not_empty")]
    #[error("the demo shop needs an empty archive, but this one already has {orders} orders")]
    DemoNotEmpty { orders: u32 },
    #[strum(serialize = "cancelled")]
    #[error("cancelled; nothing was changed")]
    Cancelled,
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error(transparent)]
    Edit(#[from] EditError),
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error(transparent)]
    Import(#[from] laoke_core::import::ImportError),
    #[strum(serialize = "import.io")]
    #[error("{path}: {source}")]
    File {
        #[serde(rename = "file")]
        path: PathBuf,
        #[serde(skip)]
        source: std::io::Error,
    },
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error("{error}")]
    Partial { error: Box<StoreError>, done: laoke_core::dto::ImportReport },
    #[strum(serialize = "backup.failed")]
    #[error("backup to {path} failed: {reason}")]
    Backup {
        #[serde(rename = "file")]
        path: PathBuf,
        reason: String,
        cause: FileCause,
    },
    #[strum(serialize = "backup.not_found")]
    #[error("no backup named {name:?}")]
    NoSuchBackup { name: String },
    #[strum(serialize = "backup.not_an_archive")]
    #[error("{path} is not a Laoke archive")]
    NotAnArchive {
        #[serde(rename = "file")]
        path: PathBuf,
    },
    #[strum(serialize = "backup.locked")]
    #[error("{path} is encrypted with another passphrase than the archive's")]
    BackupLocked {
        #[serde(rename = "file")]
        path: PathBuf,
    },
    #[strum(serialize = "backup.newer")]
    #[error("{path} was written by a newer Laoke (schema {version}; this one reads up to {supported})")]
    BackupNewer {
        #[serde(rename = "file")]
        path: PathBuf,
        version: u32,
        supported: u32,
    },
    #[strum(serialize = "backup.keep_invalid")]
    #[error("keep {keep} backups: it must be 1 to 365")]
    BackupKeep { keep: u32 },
    #[strum(serialize = "export.write_failed")]
    #[error("cannot write {path}: {reason}")]
    ExportWrite {
        #[serde(rename = "file")]
        path: PathBuf,
        reason: String,
        cause: FileCause,
    },
    #[strum(serialize = "export.too_many_rows")]
    #[error("{rows} rows do not fit in an XLSX sheet (at most {max}); export CSV instead")]
    ExportTooManyRows { rows: u64, max: u32 },
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error(transparent)]
    Filter(#[from] laoke_core::segment::FilterError),
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error(transparent)]
    Ladder(#[from] laoke_core::tier::LadderError),
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error(transparent)]
    Thresholds(#[from] laoke_core::lifecycle::ThresholdError),
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error(transparent)]
    Care(#[from] laoke_core::care::CareError),
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error(transparent)]
    Calendar(#[from] laoke_core::festival::CalendarError),
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error(transparent)]
    Activity(#[from] laoke_core::activity::ActivityError),
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error(transparent)]
    Coupon(#[from] laoke_core::coupon::CouponError),
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error(transparent)]
    Predict(#[from] laoke_core::predict::PredictError),
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error(transparent)]
    Stats(#[from] laoke_core::stats::StatsError),
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error(transparent)]
    Email(crate::care_email::EmailError),
    #[strum(serialize = "customer.not_found")]
    #[error("no customer {id}")]
    CustomerNotFound { id: i64 },
    #[strum(serialize = "segment.not_found")]
    #[error("no segment {name:?}")]
    SegmentNotFound { name: String },
    #[strum(serialize = "*")]
    #[serde(skip)]
    #[error(transparent)]
    ShopName(#[from] laoke_core::shop::ShopNameError),
    #[strum(serialize = "shop.name_taken")]
    #[error("{platform} already has a shop named {name:?}")]
    ShopNameTaken { platform: laoke_core::Platform, name: String },
    #[strum(serialize = "shop.not_found")]
    #[error("no shop named {name:?}")]
    ShopNotFound { name: String },
    #[strum(serialize = "shop.gone")]
    #[error("no shop {id}")]
    ShopGone { id: i64 },
    #[strum(serialize = "import.shop_required")]
    #[error("there are several {platform} shops ({}): say which one the file belongs to", shops.join(", "))]
    ShopRequired { platform: laoke_core::Platform, shops: Vec<String> },
    #[strum(serialize = "import.other_shop")]
    #[error(
        "{file}: {conflicts} of the {matched} orders it shares with shop {shop:?} have another creation time or buyer; \
         the file probably belongs to another shop, so nothing was imported"
    )]
    OtherShop { file: String, shop: String, conflicts: u32, matched: u32 },
}

impl ErrorCode for StoreError {
    fn code(&self) -> &'static str {
        match self {
            StoreError::Edit(e) => e.code(),
            StoreError::Import(e) => e.code(),
            StoreError::Partial { error, .. } => error.code(),
            StoreError::Filter(e) => e.code(),
            StoreError::Ladder(e) => e.code(),
            StoreError::Thresholds(e) => e.code(),
            StoreError::ShopName(e) => e.code(),
            StoreError::Care(e) => e.code(),
            StoreError::Calendar(e) => e.code(),
            StoreError::Activity(e) => e.code(),
            StoreError::Coupon(e) => e.code(),
            StoreError::Predict(e) => e.code(),
            StoreError::Stats(e) => e.code(),
            StoreError::Email(e) => e.code(),
            own => own.into(),
        }
    }

    fn details(&self) -> serde_json::Value {
        match self {
            StoreError::Edit(e) => e.details(),
            StoreError::Import(e) => e.details(),
            StoreError::Filter(e) => e.details(),
            StoreError::Ladder(e) => e.details(),
            StoreError::Thresholds(e) => e.details(),
            StoreError::ShopName(e) => e.details(),
            StoreError::Care(e) => e.details(),
            StoreError::Calendar(e) => e.details(),
            StoreError::Activity(e) => e.details(),
            StoreError::Coupon(e) => e.details(),
            StoreError::Predict(e) => e.details(),
            StoreError::Stats(e) => e.details(),
            StoreError::Email(e) => e.details(),
            StoreError::Partial { error, done } => {
                let mut details = error.details();
                if !details.is_object() {
                    details = serde_json::json!({});
                }
                details["files_done"] = serde_json::to_value(&done.files).unwrap_or_default();
                details
            }
            own => serde_json::to_value(own).unwrap_or_default(),
        }
    }

    fn is_user_error(&self) -> bool {
        match self {
            StoreError::Import(e) => e.is_user_error(),
            StoreError::Partial { error, .. } => error.is_user_error(),
            StoreError::Open { .. }
            | StoreError::CreateDir { .. }
            | StoreError::Migrate(_)
            | StoreError::Sqlite(_)
            | StoreError::DiskFull(_)
            | StoreError::Corrupt { .. }
            | StoreError::Duplicate { .. }
            | StoreError::Backup { .. }
            | StoreError::Rekey { .. }
            | StoreError::ExportWrite { .. } => false,
            StoreError::Email(crate::care_email::EmailError::ServerInvalid { .. }) => false,
            _ => true,
        }
    }
}

impl ErrorCodes for StoreError {
    fn codes() -> Vec<&'static str> {
        let own = <Self as strum::VariantNames>::VARIANTS.iter().copied().filter(|c| *c != WRAPS);
        let mut codes: Vec<&'static str> = own.collect();
        codes.extend(EditError::codes());
        codes.extend(crate::care_email::EmailError::codes());
        codes.extend(crate::smtp_password::KeychainError::codes());
        codes.extend(laoke_core::error::core_codes());
        codes.sort_unstable();
        codes.dedup();
        codes
    }
}

impl From<rusqlite::Error> for StoreError {
    /// A full disk is told apart: the seller can free space and try again.
    fn from(e: rusqlite::Error) -> Self {
        if crate::file_cause::WriteFailure::cause(&e) == FileCause::DiskFull {
            StoreError::DiskFull(e)
        } else {
            StoreError::Sqlite(e)
        }
    }
}

impl From<rusqlite::types::FromSqlError> for StoreError {
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        // A column of an unexpected type: the schema's STRICT tables make this a bug, not user input.
        StoreError::Sqlite(rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Null, Box::new(e)))
    }
}

//! Everything that can go wrong in the store, each with a stable code for the
//! UI and the CLI (see `laoke_core::ErrorCode`).

use laoke_core::ErrorCode;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database at {path}: {source}")]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error("cannot create the folder {path}: {source}")]
    CreateDir { path: PathBuf, source: std::io::Error },
    #[error("cannot bring the database schema up to date: {0}")]
    Migrate(#[from] rusqlite_migration::Error),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the database holds a value it cannot read: {table}.{column} = {value:?}")]
    Corrupt { table: &'static str, column: &'static str, value: String },
    #[error("the demo shop needs an empty archive, but this one already has {orders} orders")]
    DemoNotEmpty { orders: u32 },
    #[error("invalid demo request: {0}")]
    DemoInvalid(String),
    #[error("cancelled; nothing was changed")]
    Cancelled,
    #[error("invalid setting {field}: {reason}")]
    SettingsInvalid { field: &'static str, reason: String },
    #[error(transparent)]
    Import(#[from] laoke_core::import::ImportError),
    #[error("{path}: {source}")]
    File { path: PathBuf, source: std::io::Error },
    #[error("{error}")]
    Partial { error: Box<StoreError>, done: laoke_core::dto::ImportReport },
    #[error("{table} already holds {key}")]
    Duplicate { table: &'static str, key: String },
    #[error("backup failed: {0}")]
    Backup(String),
    #[error("no backup named {0:?}")]
    NoSuchBackup(String),
    #[error(transparent)]
    Filter(#[from] laoke_core::segment::FilterError),
    #[error("no {what} {key:?}")]
    NotFound { what: &'static str, key: String },
    #[error(transparent)]
    ShopName(#[from] laoke_core::shop::ShopNameError),
    #[error("{platform} already has a shop named {name:?}")]
    ShopNameTaken { platform: laoke_core::Platform, name: String },
    #[error("no shop named {name:?}")]
    ShopNotFound { name: String },
    #[error("there are several {platform} shops ({}): say which one the file belongs to", shops.join(", "))]
    ShopRequired { platform: laoke_core::Platform, shops: Vec<String> },
    #[error(
        "{file}: {conflicts} of the {matched} orders it shares with shop {shop:?} have another creation time or buyer; \
         the file probably belongs to another shop, so nothing was imported"
    )]
    OtherShop { file: String, shop: String, conflicts: u32, matched: u32 },
}

impl ErrorCode for StoreError {
    fn code(&self) -> &'static str {
        match self {
            StoreError::Open { .. } | StoreError::CreateDir { .. } => "db.open",
            StoreError::Migrate(_) => "db.migrate",
            StoreError::Sqlite(_) => "db.query",
            StoreError::Corrupt { .. } => "db.corrupt",
            StoreError::DemoNotEmpty { .. } => "demo.not_empty",
            StoreError::DemoInvalid(_) => "demo.invalid",
            StoreError::Cancelled => "cancelled",
            StoreError::SettingsInvalid { .. } => "settings.invalid",
            StoreError::Import(e) => e.code(),
            StoreError::File { .. } => "import.io",
            StoreError::Duplicate { .. } => "db.duplicate",
            StoreError::Partial { error, .. } => error.code(),
            StoreError::Backup(_) => "backup.failed",
            StoreError::NoSuchBackup(_) => "backup.not_found",
            StoreError::Filter(e) => e.code(),
            StoreError::NotFound { .. } => "not_found",
            StoreError::ShopName(e) => e.code(),
            StoreError::ShopNameTaken { .. } => "shop.name_taken",
            StoreError::ShopNotFound { .. } => "shop.not_found",
            StoreError::ShopRequired { .. } => "import.shop_required",
            StoreError::OtherShop { .. } => "import.other_shop",
        }
    }

    fn details(&self) -> serde_json::Value {
        match self {
            StoreError::Open { path, .. } | StoreError::CreateDir { path, .. } => {
                serde_json::json!({ "path": path })
            }
            StoreError::DemoNotEmpty { orders } => serde_json::json!({ "orders": orders }),
            StoreError::SettingsInvalid { field, reason } => serde_json::json!({ "field": field, "reason": reason }),
            StoreError::Corrupt { table, column, value } => {
                serde_json::json!({ "table": table, "column": column, "value": value })
            }
            StoreError::Import(e) => e.details(),
            StoreError::Partial { error, done } => {
                let mut details = error.details();
                if !details.is_object() {
                    details = serde_json::json!({});
                }
                details["files_done"] = serde_json::to_value(&done.files).unwrap_or_default();
                details
            }
            StoreError::File { path, .. } => serde_json::json!({ "file": path }),
            StoreError::Filter(e) => e.details(),
            StoreError::NotFound { what, key } => serde_json::json!({ "what": what, "key": key }),
            StoreError::ShopName(e) => serde_json::to_value(e.params()).unwrap_or_default(),
            StoreError::ShopNameTaken { platform, name } => serde_json::json!({ "platform": platform, "name": name }),
            StoreError::ShopNotFound { name } => serde_json::json!({ "name": name }),
            StoreError::ShopRequired { platform, shops } => serde_json::json!({ "platform": platform, "shops": shops }),
            StoreError::OtherShop { file, shop, conflicts, matched } => {
                serde_json::json!({ "file": file, "shop": shop, "conflicts": conflicts, "matched": matched })
            }
            _ => serde_json::Value::Null,
        }
    }

    fn is_user_error(&self) -> bool {
        match self {
            StoreError::Import(e) => e.is_user_error(),
            StoreError::Partial { error, .. } => error.is_user_error(),
            StoreError::DemoNotEmpty { .. }
            | StoreError::DemoInvalid(_)
            | StoreError::SettingsInvalid { .. }
            | StoreError::File { .. }
            | StoreError::Cancelled
            | StoreError::NoSuchBackup(_)
            | StoreError::Filter(_)
            | StoreError::NotFound { .. }
            | StoreError::ShopName(_)
            | StoreError::ShopNameTaken { .. }
            | StoreError::ShopNotFound { .. }
            | StoreError::ShopRequired { .. }
            | StoreError::OtherShop { .. } => true,
            _ => false,
        }
    }
}

impl From<rusqlite::types::FromSqlError> for StoreError {
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        // A column of an unexpected type: the schema's STRICT tables make this a bug, not user input.
        StoreError::Sqlite(rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Null, Box::new(e)))
    }
}

//! Why a whole file cannot be imported. Each variant has a stable code
//! (`import.*`) and says which file and, where it can, which row or column.
//! Problems confined to one row are not errors but [`super::Rejection`]s.

use crate::error::{ErrorCode, ErrorCodes};
use serde::Serialize;

/// The code is `import.` and the variant's name in snake case; the details are its fields.
#[derive(Debug, thiserror::Error, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(untagged)]
#[strum(prefix = "import.", serialize_all = "snake_case")]
pub enum ImportError {
    #[error("{file}: the file is empty")]
    Empty { file: String },
    #[error("{file}: the file has a header but no rows")]
    HeaderOnly { file: String },
    #[error("{file}: this is a binary file, not a spreadsheet or CSV ({what})")]
    Binary { file: String, what: String },
    #[error("{file}: the text is not valid {encoding} ({detail})")]
    Encoding { file: String, encoding: String, detail: String },
    /// Bytes in the middle of the file that are no text in its encoding (a damaged byte):
    /// where they are, and the readable part of their line around them.
    #[error(
        "{file}: line {line} holds bytes that are not {encoding} text (at byte {byte}, after {before:?}); \
         import it with the undecodable bytes replaced to keep the rest"
    )]
    Undecodable { file: String, encoding: String, line: u64, byte: u64, before: String, after: String },
    #[error(
        "{file}: the columns match no known export format (first columns: {header}); map them with a column mapping"
    )]
    UnknownFormat { file: String, header: String },
    #[error("{file}: required column {column:?} is missing for {format}")]
    MissingColumn { file: String, format: String, column: String },
    #[error("{file}: the xlsx workbook is damaged or has no data ({detail})")]
    CorruptXlsx { file: String, detail: String },
    #[error("{file}: line {row} is longer than {limit} bytes; is this really a CSV file?")]
    TooLongLine { file: String, row: u64, limit: usize },
    #[error("{file}: column {column:?} appears twice in the header")]
    DuplicateHeader { file: String, column: String },
    #[error("{file}: a quote opened on row {row} is never closed")]
    UnbalancedQuotes { file: String, row: u64 },
    #[error("{file}: {ragged} of {rows} rows have more cells than the header ({columns} columns); wrong delimiter?")]
    Ragged { file: String, rows: u64, ragged: u64, columns: usize },
    /// A generic file (no known export) read without a column mapping.
    #[error("{file}: a generic file needs a column mapping")]
    MappingNeeded { file: String },
    /// The mapping leaves a field the importer cannot do without unmapped (`order_id`, `created_at`).
    #[error("{file}: the column mapping must map a column to {field:?}")]
    MappingMissingField { file: String, field: super::MappedField },
    /// The mapping gives no amount: neither the amount paid nor a unit price.
    #[error("{file}: the column mapping must map a column to amount, or to unit_price (and quantity)")]
    MappingNoAmount { file: String },
    #[error("{file}: {rejected} rows were rejected and --strict was given; nothing was imported")]
    Strict { file: String, rejected: usize },
    #[error("{file}: cannot read the file: {source}")]
    Io {
        file: String,
        #[serde(skip)]
        source: std::io::Error,
    },
}

impl ErrorCode for ImportError {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn details(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    fn is_user_error(&self) -> bool {
        !matches!(self, ImportError::Io { .. })
    }
}

impl ErrorCodes for ImportError {
    fn codes() -> Vec<&'static str> {
        <Self as strum::VariantNames>::VARIANTS.to_vec()
    }
}

//! Why a whole file cannot be imported. Each variant has a stable code
//! (`import.*`) and says which file and, where it can, which row or column.
//! Problems confined to one row are not errors but [`super::Rejection`]s.

use crate::ErrorCode;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: the file is empty")]
    Empty { file: String },
    #[error("{file}: the file has a header but no rows")]
    HeaderOnly { file: String },
    #[error("{file}: this is a binary file, not a spreadsheet or CSV ({what})")]
    Binary { file: String, what: String },
    #[error("{file}: the text is not valid {encoding} ({detail})")]
    Encoding { file: String, encoding: String, detail: String },
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
    #[error("{file}: invalid column mapping: {reason}")]
    InvalidMapping { file: String, reason: String },
    #[error("{file}: {rejected} rows were rejected and --strict was given; nothing was imported")]
    Strict { file: String, rejected: usize },
    #[error("{file}: cannot read the file: {source}")]
    Io { file: String, source: std::io::Error },
}

impl ErrorCode for ImportError {
    fn code(&self) -> &'static str {
        match self {
            ImportError::Empty { .. } => "import.empty",
            ImportError::HeaderOnly { .. } => "import.header_only",
            ImportError::Binary { .. } => "import.binary",
            ImportError::Encoding { .. } => "import.encoding",
            ImportError::UnknownFormat { .. } => "import.unknown_format",
            ImportError::MissingColumn { .. } => "import.missing_column",
            ImportError::CorruptXlsx { .. } => "import.corrupt_xlsx",
            ImportError::TooLongLine { .. } => "import.too_long_line",
            ImportError::DuplicateHeader { .. } => "import.duplicate_header",
            ImportError::UnbalancedQuotes { .. } => "import.unbalanced_quotes",
            ImportError::Ragged { .. } => "import.ragged",
            ImportError::InvalidMapping { .. } => "import.invalid_mapping",
            ImportError::Strict { .. } => "import.strict",
            ImportError::Io { .. } => "import.io",
        }
    }

    fn details(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            ImportError::MissingColumn { file, column, format } => {
                json!({ "file": file, "column": column, "format": format })
            }
            ImportError::DuplicateHeader { file, column } => json!({ "file": file, "column": column }),
            ImportError::TooLongLine { file, row, .. } | ImportError::UnbalancedQuotes { file, row } => {
                json!({ "file": file, "row": row })
            }
            ImportError::Empty { file }
            | ImportError::HeaderOnly { file }
            | ImportError::Binary { file, .. }
            | ImportError::Encoding { file, .. }
            | ImportError::UnknownFormat { file, .. }
            | ImportError::CorruptXlsx { file, .. }
            | ImportError::Ragged { file, .. }
            | ImportError::InvalidMapping { file, .. }
            | ImportError::Strict { file, .. }
            | ImportError::Io { file, .. } => json!({ "file": file }),
        }
    }

    fn is_user_error(&self) -> bool {
        !matches!(self, ImportError::Io { .. })
    }
}

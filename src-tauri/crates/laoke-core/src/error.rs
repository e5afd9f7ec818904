//! The error shape that crosses every boundary: IPC, the CLI's `--json` output
//! and logs. Libraries keep their own `thiserror` enums; each one implements
//! [`ErrorCode`] so that the UI can pick localized text by `code` alone.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A machine-readable failure. `code` is stable and dotted (`db.open`,
/// `demo.not_empty`); `message` is English text for logs and the CLI;
/// `details` carries structured context (file, row, column…) when there is any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErrorDto {
    pub code: String,
    pub message: String,
    #[ts(type = "unknown")]
    pub details: serde_json::Value,
}

/// Implemented by every library error enum so that it can become an [`ErrorDto`].
pub trait ErrorCode: std::error::Error {
    /// The stable machine-readable code of this error.
    fn code(&self) -> &'static str;

    /// Structured context for the UI; `null` unless the error has some.
    fn details(&self) -> serde_json::Value {
        serde_json::Value::Null
    }

    /// Whether the user caused this (bad input) rather than the program or the machine.
    fn is_user_error(&self) -> bool {
        false
    }

    fn to_dto(&self) -> ErrorDto {
        ErrorDto { code: self.code().to_owned(), message: self.to_string(), details: self.details() }
    }
}

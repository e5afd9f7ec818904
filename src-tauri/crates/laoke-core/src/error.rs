//! The error shape that crosses every boundary: IPC, the CLI's `--json` output
//! and logs. Libraries keep their own `thiserror` enums; each one implements
//! [`ErrorCode`] so that the UI can pick localized text by `code` alone, and
//! [`ErrorCodes`] so that a test can check every code has its text in every
//! language (`laoke-cli/tests/locales.rs`).
//!
//! Most enums get both from [`coded_errors!`]: the code is the variant's strum
//! name (`#[strum(prefix = "ladder.", serialize_all = "snake_case")]` makes
//! `LadderError::DiscountNotDeeper` `ladder.discount_not_deeper`), the details
//! are the variant's fields as serde writes them, so a variant's name, its code
//! and its parameters are written once.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// A machine-readable failure. `code` is stable and dotted (`db.open`,
/// `demo.not_empty`); `message` is English text for logs and the CLI;
/// `details` carries the code's parameters (file, row, column, max…) when it has any.
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

    /// The details as text parameters (`{max: "30"}`), the shape an import rejection carries.
    fn params(&self) -> BTreeMap<String, String> {
        match self.details() {
            serde_json::Value::Object(map) => map
                .into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| {
                    let text = match v {
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    };
                    (k, text)
                })
                .collect(),
            _ => BTreeMap::new(),
        }
    }
}

/// Every code an error type can produce: the list the locale test walks.
pub trait ErrorCodes {
    fn codes() -> Vec<&'static str>;
}

/// Codes of failures outside any library enum: the app shell's and the UI's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "snake_case")]
pub enum ShellError {
    /// A long operation (an import, a recount) holds the archive.
    #[strum(serialize = "archive.busy")]
    #[error("another long operation is still running; try again when it has finished")]
    ArchiveBusy,
    /// A bug or a failure of the machine; the message says which, in English, for the log.
    #[error("internal error")]
    Internal,
    /// The UI runs outside the desktop app (a browser): there is nothing to call.
    #[strum(serialize = "ipc.unavailable")]
    #[error("Laoke's data service is not available")]
    IpcUnavailable,
    /// The new passphrase and its confirmation differ.
    #[strum(serialize = "db.passphrase_mismatch")]
    #[error("the two passphrases differ; nothing was changed")]
    PassphraseMismatch,
    /// A passphrase is needed, but neither the environment holds it nor is there a terminal to ask in.
    #[strum(serialize = "db.passphrase_unavailable")]
    #[error("set LAOKE_PASSPHRASE (and LAOKE_NEW_PASSPHRASE for a new one), or run in a terminal to be asked")]
    PassphraseUnavailable,
}

/// Implements [`ErrorCode`] (code from strum, details from serde, a user error)
/// and [`ErrorCodes`] for enums whose every variant is the seller's to fix.
#[macro_export]
macro_rules! coded_errors {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::error::ErrorCode for $t {
            fn code(&self) -> &'static str {
                self.into()
            }
            fn details(&self) -> $crate::error::__serde_json::Value {
                $crate::error::__serde_json::to_value(self).unwrap_or_default()
            }
            fn is_user_error(&self) -> bool {
                true
            }
        }
        impl $crate::error::ErrorCodes for $t {
            fn codes() -> Vec<&'static str> {
                <$t as $crate::error::__strum::VariantNames>::VARIANTS.to_vec()
            }
        }
    )*};
}

#[doc(hidden)]
pub use serde_json as __serde_json;
#[doc(hidden)]
pub use strum as __strum;

impl ErrorCodes for ShellError {
    fn codes() -> Vec<&'static str> {
        <ShellError as strum::VariantNames>::VARIANTS.to_vec()
    }
}

impl ErrorCode for ShellError {
    fn code(&self) -> &'static str {
        self.into()
    }
}

/// Every code the domain can produce (the store adds its own, the CLI its own).
pub fn core_codes() -> Vec<&'static str> {
    [
        ShellError::codes(),
        crate::import::ImportError::codes(),
        crate::import::RowProblem::codes(),
        crate::shop::ShopNameError::codes(),
        crate::tier::LadderError::codes(),
        crate::lifecycle::ThresholdError::codes(),
        crate::segment::FilterError::codes(),
        crate::care::CareError::codes(),
        crate::festival::CalendarError::codes(),
        crate::activity::ActivityError::codes(),
        crate::coupon::CouponError::codes(),
        crate::predict::PredictError::codes(),
        crate::predict::Unreliable::codes(),
        crate::stats::StatsError::codes(),
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_dotted_and_unique() {
        let codes = core_codes();
        let mut seen = std::collections::HashSet::new();
        for c in &codes {
            assert!(c.contains('.') || *c == "internal", "{c}");
            assert!(seen.insert(c), "{c} twice");
        }
        assert!(codes.contains(&"ladder.discount_not_deeper"), "{codes:?}");
        assert!(codes.contains(&"row.quantity_not_a_number"), "{codes:?}");
    }
}

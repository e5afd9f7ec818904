//! The export formats Laoke reads: how each is recognized by its header, and
//! how its rows become [`Line`]s. Adding a platform means adding a module here
//! with a `SIGNATURE` and a reader, and a line in [`detect`] and [`bind`].

mod columns;
mod generic;
mod taobao;

pub use generic::{ColumnMapping, MappedField};

use super::error::ImportError;
use super::line::{Line, Rejection};
use super::source::Record;
use crate::Platform;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportFormat {
    TaobaoOrders,
    Generic,
}

impl ImportFormat {
    pub const ALL: [ImportFormat; 2] = [ImportFormat::TaobaoOrders, ImportFormat::Generic];

    pub fn as_str(self) -> &'static str {
        match self {
            ImportFormat::TaobaoOrders => "taobao_orders",
            ImportFormat::Generic => "generic",
        }
    }

    /// The platform whose orders and buyers the format holds.
    pub fn platform(self) -> Platform {
        match self {
            ImportFormat::TaobaoOrders => Platform::Taobao,
            ImportFormat::Generic => Platform::Generic,
        }
    }
}

impl FromStr for ImportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ImportFormat::ALL.into_iter().find(|f| f.as_str() == s).ok_or_else(|| {
            let known: Vec<_> = ImportFormat::ALL.iter().map(|f| f.as_str()).collect();
            format!("unknown format {s:?}; use auto or one of {}", known.join(", "))
        })
    }
}

/// Reads the rows of one bound file.
pub trait RowReader: Send {
    fn read(&self, rec: &Record) -> Result<Line, Rejection>;
}

/// The format whose signature the header carries, if any.
pub fn detect(headers: &[String]) -> Option<ImportFormat> {
    let has = |names: &[&str]| names.iter().all(|n| headers.iter().any(|h| h == n));
    if has(taobao::SIGNATURE) {
        return Some(ImportFormat::TaobaoOrders);
    }
    None
}

/// Everything a reader needs besides the header.
pub struct Binding<'a> {
    pub file: &'a str,
    pub headers: &'a [String],
    pub tz: Tz,
    pub mapping: Option<&'a ColumnMapping>,
}

/// A reader for `format` over this header, or the column it lacks.
pub fn bind(format: ImportFormat, b: &Binding<'_>) -> Result<Box<dyn RowReader>, ImportError> {
    let cols = columns::Columns { headers: b.headers, file: b.file, format: format.as_str() };
    Ok(match format {
        ImportFormat::TaobaoOrders => Box::new(taobao::Orders::bind(&cols, b.tz)?),
        ImportFormat::Generic => {
            let mapping = b.mapping.ok_or_else(|| ImportError::InvalidMapping {
                file: b.file.to_owned(),
                reason: "a generic file needs a column mapping".into(),
            })?;
            Box::new(generic::Mapped::bind(&cols, mapping, b.tz)?)
        }
    })
}

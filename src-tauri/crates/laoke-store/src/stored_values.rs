//! Reading the archive's text-encoded types back: Decimal money, stored UTC
//! timestamps and enums. A value that does not parse is reported as
//! `db.corrupt` with the table and column, never silently read as zero.

use crate::{Result, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::Row;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Column `idx` of `row`, parsed from its text.
pub(crate) fn parsed<T: FromStr>(row: &Row<'_>, idx: usize, table: &'static str, column: &'static str) -> Result<T> {
    let text = row.get_ref(idx)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            row.get_ref(idx).map(|v| v.data_type()).unwrap_or(rusqlite::types::Type::Null),
            Box::new(e),
        )
    })?;
    text.parse().map_err(|_| StoreError::Corrupt { table, column, value: text.to_owned() })
}

pub(crate) fn decimal(row: &Row<'_>, idx: usize, table: &'static str, column: &'static str) -> Result<Decimal> {
    parsed::<Decimal>(row, idx, table, column)
}

pub(crate) fn instant(row: &Row<'_>, idx: usize, table: &'static str, column: &'static str) -> Result<DateTime<Utc>> {
    let text: String = row.get(idx)?;
    laoke_core::time::from_stored(&text).ok_or(StoreError::Corrupt { table, column, value: text })
}

/// [`decimal`] of a column that may be NULL.
pub(crate) fn optional_decimal(
    row: &Row<'_>,
    idx: usize,
    table: &'static str,
    column: &'static str,
) -> Result<Option<Decimal>> {
    match row.get_ref(idx)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => decimal(row, idx, table, column).map(Some),
    }
}

//! Exports of the archive for the seller: customers or their orders, as CSV or
//! XLSX, the whole archive or the customers a list query selects (a segment, a
//! filter, a search), optionally with contacts masked (`laoke_core::privacy`).
//! It is what a seller needs to move to another tool, or to hand a list to a
//! helper without handing over the buyers' phones.

mod customers;
mod orders;
pub mod sheet;

use crate::{Result, RosterSnapshot, Store, StoreError};
use chrono::NaiveDate;
use laoke_core::dto::{CustomerQuery, ExportFormat, ExportKind, ExportReport, ExportRequest};
use sheet::{Sheet, XLSX_MAX_ROWS};
use std::path::Path;

impl Store {
    /// Writes the export `req` asks for; the file appears whole or not at all.
    /// The customer list's export of ticked or matching rows is this one too.
    pub fn export(&self, req: &ExportRequest, today: NaiveDate) -> Result<ExportReport> {
        self.export_in(&self.roster()?, req, today)
    }

    /// [`Store::export`] over a roster already built (the app keeps one until the archive changes).
    pub fn export_in(&self, snap: &RosterSnapshot, req: &ExportRequest, today: NaiveDate) -> Result<ExportReport> {
        let language = match &req.language {
            Some(l) => l.clone(),
            None => self.settings()?.language.unwrap_or_else(|| "zh-CN".to_owned()),
        };
        let path = Path::new(&req.path);
        let query = CustomerQuery { offset: 0, limit: u32::MAX, ..req.query.clone() };
        let (rows, truncated) = match req.kind {
            ExportKind::Customers => {
                let rows = match &req.ids {
                    Some(ids) => {
                        let positions: Vec<usize> = ids.iter().filter_map(|&id| snap.roster.position(id)).collect();
                        crate::customer_list::rows_at(&self.conn, snap, &positions)?
                    }
                    None => self.select_rows(snap, &query, today, u32::MAX)?.customers,
                };
                guard_rows(req.format, rows.len())?;
                customers::write(self, &rows, path, req.format, req.privacy, &language)?
            }
            ExportKind::Orders => {
                let ids = match &req.ids {
                    Some(ids) => Some(ids.clone()),
                    None if selects_everyone(&query) => None,
                    None => Some(self.customer_ids_in(snap, &query, today)?),
                };
                let orders = orders::select(self, ids.as_deref())?;
                guard_rows(req.format, orders.len())?;
                orders::write(self, &orders, path, req.format, req.privacy, &language)?
            }
        };
        Ok(ExportReport {
            path: req.path.clone(),
            kind: req.kind,
            format: req.format,
            rows,
            privacy: req.privacy,
            truncated_cells: truncated,
        })
    }
}

/// A query with no condition: an orders export then holds every order, those
/// without a buyer identity too.
fn selects_everyone(q: &CustomerQuery) -> bool {
    q.search.as_deref().is_none_or(|s| s.trim().is_empty())
        && q.platform.is_none()
        && q.segment_id.is_none()
        && q.filter.as_ref().is_none_or(|f| f.rules.is_empty())
}

/// An XLSX sheet stops at 1,048,576 rows; a larger export is refused before a
/// byte is written (CSV has no such limit).
fn guard_rows(format: ExportFormat, rows: usize) -> Result<()> {
    if format == ExportFormat::Xlsx && rows as u64 + 1 > XLSX_MAX_ROWS as u64 {
        return Err(StoreError::ExportTooManyRows { rows: rows as u64, max: XLSX_MAX_ROWS - 1 });
    }
    Ok(())
}

/// Writes `rows` through one sheet; a failed row leaves no file behind.
fn write_all<T>(
    path: &Path,
    format: ExportFormat,
    titles: &[&str],
    rows: impl IntoIterator<Item = T>,
    mut cells: impl FnMut(T) -> Result<Vec<sheet::Cell>>,
) -> Result<(u32, u32)> {
    let mut sheet = Sheet::create(path, format, titles)?;
    let mut n = 0u32;
    for row in rows {
        let written = cells(row).and_then(|c| sheet.row(&c));
        if let Err(e) = written {
            sheet.abandon();
            return Err(e);
        }
        n += 1;
    }
    let truncated = sheet.truncated;
    sheet.finish()?;
    Ok((n, truncated))
}

#[cfg(test)]
mod tests;

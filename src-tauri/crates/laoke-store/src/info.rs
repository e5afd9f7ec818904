//! `laoke info` and the app's first-run check: schema version, path, row counts.

use crate::{Result, Store};
use laoke_core::dto::{DbInfo, RowCounts};
use rusqlite::Connection;

impl Store {
    pub fn info(&self) -> Result<DbInfo> {
        let counts = row_counts(&self.conn)?;
        let schema_version = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(DbInfo { path: self.path().display().to_string(), schema_version, counts })
    }
}

/// Rows per table of the archive behind `conn` (a backup's too: every table
/// counted here is in the first schema).
pub(crate) fn row_counts(conn: &Connection) -> Result<RowCounts> {
    let count = |table: &str| -> Result<u32> {
        // Table names come from the fixed list below, never from user input.
        Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
    };
    Ok(RowCounts {
        shops: count("shops")?,
        customers: count("customers")?,
        orders: count("orders")?,
        order_items: count("order_items")?,
        tags: count("tags")?,
        customer_tags: count("customer_tags")?,
        notes: count("notes")?,
        settings: count("settings")?,
        import_batches: count("import_batches")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_archive_reports_zero_rows_and_the_latest_schema() {
        let store = Store::open_in_memory().unwrap();
        let info = store.info().unwrap();
        assert_eq!(info.schema_version, crate::SCHEMA_VERSION);
        assert_eq!(info.counts, RowCounts::default());
        assert_eq!(info.path, ":memory:");
    }
}

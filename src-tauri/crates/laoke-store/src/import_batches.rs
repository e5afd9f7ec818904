//! The `import_batches` table: the record of every import and demo fill.

use crate::Result;
use rusqlite::{params, Connection};

/// Where a batch's rows came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BatchSource {
    Demo,
    File,
}

impl BatchSource {
    fn as_str(self) -> &'static str {
        match self {
            BatchSource::Demo => "demo",
            BatchSource::File => "file",
        }
    }
}

/// Opens a batch in state `running` and returns its id.
pub(crate) fn start(conn: &Connection, source: BatchSource, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO import_batches (source, status, started_at) VALUES (?1, 'running', ?2)",
        params![source.as_str(), now],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Names the file a batch imports, once its format and encoding are known.
pub(crate) fn describe(
    conn: &Connection,
    id: i64,
    file: &str,
    format: laoke_core::import::ImportFormat,
    encoding: laoke_core::import::source::SourceEncoding,
) -> Result<()> {
    conn.execute(
        "UPDATE import_batches SET file_name = ?2, format = ?3, encoding = ?4 WHERE id = ?1",
        params![id, file, format.as_str(), encoding.as_str()],
    )?;
    Ok(())
}

/// Closes a batch as done with its report (JSON).
pub(crate) fn finish(conn: &Connection, id: i64, report: &serde_json::Value, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE import_batches SET status = 'done', finished_at = ?2, report = ?3 WHERE id = ?1",
        params![id, now, report.to_string()],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn a_batch_goes_from_running_to_done_with_its_report() {
        let store = Store::open_in_memory().unwrap();
        let id = start(&store.conn, BatchSource::Demo, "2026-11-22T01:00:00Z").unwrap();
        finish(&store.conn, id, &serde_json::json!({"customers": 3}), "2026-11-22T01:00:05Z").unwrap();
        let (status, report): (String, String) = store
            .conn
            .query_row("SELECT status, report FROM import_batches WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!(status, "done");
        assert_eq!(report, r#"{"customers":3}"#);
    }
}

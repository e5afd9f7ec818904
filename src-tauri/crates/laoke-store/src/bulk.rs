//! Bulk loading: while a large file imports into one transaction, the secondary
//! indexes of the tables it fills are dropped and rebuilt at the end. Building
//! an index once from sorted data is several times faster than updating it a
//! million times, and the unique constraints (which detect re-imported orders
//! and known customers) stay in place throughout. The definitions are read
//! back from `sqlite_master`, so nothing here repeats the schema; and being DDL
//! inside the import's transaction, a failed import restores them with
//! everything else.
//!
//! A bulk load also runs with foreign-key enforcement off (set around the
//! transaction by the import, as SQLite only allows it there): every reference
//! it writes is an id it has just created or read in the same transaction, and
//! checking each of them again cost a tenth of a million-order import. The
//! import test `a_bulk_load_leaves_a_consistent_archive` runs SQLite's own
//! `foreign_key_check` afterwards.

use crate::Result;
use rusqlite::Connection;

/// Tables whose secondary indexes an import may defer.
const TABLES: [&str; 3] = ["orders", "order_items", "customers"];

/// The indexes dropped for a bulk load, to be recreated by [`restore`].
pub(crate) struct Deferred {
    sql: Vec<String>,
}

/// Drops the secondary indexes of the tables an import fills.
pub(crate) fn defer(conn: &Connection) -> Result<Deferred> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (?1, ?2, ?3)",
    )?;
    let indexes: Vec<(String, String)> =
        stmt.query_map(TABLES, |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    for (name, _) in &indexes {
        // Index names come from the schema itself, never from user input.
        conn.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    Ok(Deferred { sql: indexes.into_iter().map(|(_, sql)| sql).collect() })
}

/// Rebuilds the indexes [`defer`] dropped. Each build sorts the whole table; the
/// import sets `temp_store = FILE` around a bulk load (SQLite refuses to change it
/// inside a transaction once temporary storage was used), because sorting through
/// temporary files (which stay in the OS cache) was faster and took less of the
/// process's memory than sorting in the heap.
pub(crate) fn restore(conn: &Connection, deferred: Deferred) -> Result<()> {
    for sql in deferred.sql {
        conn.execute_batch(&sql)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn indexes_come_back_exactly() {
        let store = Store::open_in_memory().unwrap();
        let list = |c: &Connection| -> Vec<String> {
            c.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let before = list(&store.conn);
        let d = defer(&store.conn).unwrap();
        assert!(list(&store.conn).len() < before.len());
        restore(&store.conn, d).unwrap();
        let mut after = list(&store.conn);
        let mut want = before.clone();
        after.sort();
        want.sort();
        assert_eq!(after, want);
    }
}

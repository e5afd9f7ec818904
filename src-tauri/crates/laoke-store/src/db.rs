//! Opening the archive. Every connection gets the same pragmas: WAL so the UI
//! can read while an import writes, a busy timeout so a second writer waits
//! instead of failing, and foreign keys, which SQLite leaves off by default.
//! An encrypted archive is keyed first (see `cipher`); without its key it is
//! not opened at all.

use crate::cipher::{self, ArchiveKey, FileKind};
use crate::{schema, Result, StoreError};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// An open, migrated archive.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// The key the archive was opened with; `None` for a plain archive.
    pub(crate) key: Option<ArchiveKey>,
}

impl Store {
    /// Opens (creating if needed) the archive at `path` and migrates it to the
    /// latest schema. An encrypted archive fails with `db.locked` and is left
    /// untouched.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_with(path, None)
    }

    /// Opens the archive at `path` with `key` if it is encrypted (a plain or a
    /// new archive ignores the key: encryption is turned on by
    /// [`cipher::change_encryption`], never by opening).
    pub fn open_with(path: impl AsRef<Path>, key: Option<&ArchiveKey>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir { path: dir.to_path_buf(), source })?;
        }
        let key = match cipher::file_kind(&path) {
            FileKind::Encrypted => Some(key.ok_or_else(|| StoreError::Locked { path: path.clone() })?.clone()),
            FileKind::Plain | FileKind::Missing => None,
        };
        let mut conn = cipher::open_file(&path, rusqlite::OpenFlags::default(), key.as_ref())?;
        migrate(&mut conn)?;
        configure(&conn).map_err(|source| StoreError::Open { path: path.clone(), source })?;
        Ok(Store { conn, path, key })
    }

    /// A private in-memory archive, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        migrate(&mut conn)?;
        configure(&conn)?;
        Ok(Store { conn, path: PathBuf::from(":memory:"), key: None })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Brings the schema up to date with foreign keys off (`configure` turns them on
/// after; the bundled SQLite starts with them on): rebuilding a table that
/// others reference, as migration 6 does, needs them off, or dropping the old
/// table would delete what references it; a migration that rebuilds one checks
/// them itself.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.execute_batch("PRAGMA foreign_keys = OFF")?;
    schema::migrations().to_latest(conn)?;
    Ok(())
}

/// The page cache of every connection, in KiB.
pub(crate) const CACHE_KIB: u32 = 32_000;

/// How much of the archive file is read through memory mapping, in bytes. Reads
/// of pages outside the page cache then cost a memory access instead of a
/// system call and a copy (planning care over 300,000 customers spent a third
/// of its time copying pages); the mapping is address space, not memory.
pub(crate) const MMAP_BYTES: u64 = 1 << 30;

pub(crate) fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(10))?;
    // The default keeps 16 prepared statements; an import alone cycles through more (the
    // multi-row inserts of `orders`, 17 shapes, among them), and re-preparing costs more than keeping.
    conn.set_prepared_statement_cache_capacity(64);
    // journal_mode answers with the mode it ended up in, so it is read, not executed.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch(&format!(
        "PRAGMA foreign_keys = ON;
         PRAGMA synchronous = NORMAL;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -{CACHE_KIB};
         PRAGMA mmap_size = {MMAP_BYTES};"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_created_migrated_and_in_wal_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/laoke.db");
        let store = Store::open(&path).unwrap();
        assert!(path.exists());
        let mode: String = store.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store.conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 1);
        let version: u32 = store.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, crate::SCHEMA_VERSION);
        drop(store);
        // Opening again is a no-op migration.
        Store::open(&path).unwrap();
    }

    #[test]
    fn a_file_that_is_not_a_database_is_reported_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "this is not sqlite, it is a shopping list").unwrap();
        let err = Store::open(&path).err().expect("must fail");
        assert!(matches!(err, StoreError::Open { .. } | StoreError::Migrate(_)), "{err:?}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "this is not sqlite, it is a shopping list");
    }
}

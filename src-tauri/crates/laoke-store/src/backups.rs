//! Backups of the archive, taken before every import: a consistent copy made by
//! SQLite itself (`VACUUM INTO`, safe while the app reads), kept in `backups/`
//! beside the archive, the newest ten kept. Restoring copies a backup back over
//! the live archive through SQLite's backup API, in one step.

use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

/// How many backups are kept; older ones are deleted after each new one.
pub const KEEP: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    /// The file name, which is also how `laoke backup restore NAME` names it.
    pub name: String,
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

impl Store {
    fn backup_dir(&self) -> Option<PathBuf> {
        let parent = self.path().parent()?;
        Some(parent.join("backups"))
    }

    /// Backups, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        let Some(dir) = self.backup_dir() else { return Ok(Vec::new()) };
        let stem = self.path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let mut found: Vec<BackupInfo> = match std::fs::read_dir(&dir) {
            Err(_) => return Ok(Vec::new()),
            Ok(entries) => entries
                .filter_map(|e| e.ok())
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    let ours = name.starts_with(&format!("{stem}-")) && name.ends_with(".db");
                    ours.then(|| BackupInfo {
                        path: e.path().display().to_string(),
                        bytes: e.metadata().map(|m| m.len()).unwrap_or(0),
                        name,
                    })
                })
                .collect(),
        };
        // Names embed a sortable UTC timestamp.
        found.sort_by(|a, b| b.name.cmp(&a.name));
        Ok(found)
    }

    /// Copies the archive to a new backup and prunes old ones. `None` for an
    /// in-memory archive, which has nothing to protect.
    pub fn backup(&self, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
        if self.path().as_os_str() == ":memory:" {
            return Ok(None);
        }
        let dir = self.backup_dir().ok_or_else(|| StoreError::Backup { reason: "the archive has no folder".into() })?;
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::Backup { reason: format!("{}: {e}", dir.display()) })?;
        let stem = self.path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "laoke".into());
        let mut target = dir.join(format!("{stem}-{}.db", now.format("%Y%m%dT%H%M%S%3fZ")));
        let mut n = 1;
        while target.exists() {
            target = dir.join(format!("{stem}-{}-{n}.db", now.format("%Y%m%dT%H%M%S%3fZ")));
            n += 1;
        }
        self.conn.execute("VACUUM INTO ?1", [target.display().to_string()])?;
        for old in self.backups()?.into_iter().skip(KEEP) {
            let _ = std::fs::remove_file(&old.path);
        }
        let bytes = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Ok(Some(BackupInfo { name, path: target.display().to_string(), bytes }))
    }

    /// Replaces the archive's content with the backup called `name`.
    pub fn restore(&mut self, name: &str) -> Result<()> {
        let backup = self
            .backups()?
            .into_iter()
            .find(|b| b.name == name)
            .ok_or_else(|| StoreError::NoSuchBackup { name: name.to_owned() })?;
        self.conn.restore(rusqlite::MAIN_DB, &backup.path, None::<fn(rusqlite::backup::Progress)>)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use laoke_core::dto::DemoRequest;

    #[test]
    fn backup_prune_and_restore() {
        let dir = tempfile::tempdir().unwrap();
        let t0 = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
        let mut store = Store::open(dir.path().join("shop.db")).unwrap();
        let empty = store.backup(t0).unwrap().unwrap();
        store.fill_demo(DemoRequest { customers: 50, seed: 1 }, t0, |_| true).unwrap();
        for i in 1..=KEEP as i64 + 2 {
            store.backup(t0 + Duration::seconds(i)).unwrap();
        }
        let list = store.backups().unwrap();
        assert_eq!(list.len(), KEEP, "only the newest are kept");
        assert!(list.iter().all(|b| b.name != empty.name), "the oldest was pruned");
        assert!(list[0].name > list[1].name, "newest first");

        let full = list[0].name.clone();
        store.conn.execute_batch("DELETE FROM order_items; DELETE FROM orders; DELETE FROM customers;").unwrap();
        assert_eq!(store.info().unwrap().counts.customers, 0);
        store.restore(&full).unwrap();
        assert_eq!(store.info().unwrap().counts.customers, 50);
        assert!(matches!(store.restore("nope.db"), Err(StoreError::NoSuchBackup { .. })));
    }
}

//! Backups of the archive: a consistent copy made by SQLite itself (`VACUUM
//! INTO`, safe while the app reads). Automatic ones go to `backups/` beside the
//! archive, taken before every import and bulk change, before a restore, and
//! once a day while the app runs (`BackupSchedule`); the newest `keep` of them
//! are kept. A manual backup goes to a file the seller chooses and is never
//! pruned. Restoring shows what a file holds first (`backup_preview`, read
//! without changing it), takes a backup of the current state, copies the file
//! over the live archive through SQLite's backup API in one step, and migrates
//! a backup of an older version to the current schema.

use crate::cipher::{self, ArchiveKey, FileKind};
use crate::file_cause::WriteFailure;
use crate::{db, info, settings, Result, Store, StoreError, SCHEMA_VERSION};
use chrono::{DateTime, Utc};
use laoke_core::dto::{BackupPreview, BackupSchedule};
use laoke_core::file_cause::FileCause;
use rusqlite::OpenFlags;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The most backups the folder keeps, whatever the schedule asks.
pub const KEEP_MAX: u32 = 365;
const SCHEDULE: &str = "backup.schedule";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    /// The file name, which is also how `laoke backup restore NAME` names it.
    pub name: String,
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

impl BackupInfo {
    fn of(path: &Path) -> BackupInfo {
        BackupInfo {
            name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            path: path.display().to_string(),
            bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        }
    }
}

fn failed(path: &Path, e: &impl WriteFailure) -> StoreError {
    StoreError::Backup { path: path.to_path_buf(), reason: e.to_string(), cause: e.cause_at(path) }
}

impl Store {
    fn backup_dir(&self) -> Option<PathBuf> {
        let parent = self.path().parent()?;
        Some(parent.join("backups"))
    }

    fn in_memory(&self) -> bool {
        self.path().as_os_str() == ":memory:"
    }

    /// Backups in the backup folder, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        let Some(dir) = self.backup_dir() else { return Ok(Vec::new()) };
        let stem = self.path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let mut found: Vec<BackupInfo> = match std::fs::read_dir(&dir) {
            Err(_) => return Ok(Vec::new()),
            Ok(entries) => entries
                .filter_map(|e| e.ok())
                .filter(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.starts_with(&format!("{stem}-")) && name.ends_with(".db")
                })
                .map(|e| BackupInfo::of(&e.path()))
                .collect(),
        };
        // Names embed a sortable UTC timestamp.
        found.sort_by(|a, b| b.name.cmp(&a.name));
        Ok(found)
    }

    /// Copies the archive to a new backup in the backup folder and prunes old
    /// ones. `None` for an in-memory archive, which has nothing to protect.
    pub fn backup(&self, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
        let taken = self.snapshot(now)?;
        self.prune(None)?;
        Ok(taken)
    }

    fn snapshot(&self, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
        if self.in_memory() {
            return Ok(None);
        }
        let dir = self.backup_dir().ok_or_else(|| StoreError::Backup {
            path: self.path().to_path_buf(),
            reason: "the archive has no folder".into(),
            cause: FileCause::NotFound,
        })?;
        std::fs::create_dir_all(&dir).map_err(|e| failed(&dir, &e))?;
        let stem = self.path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "laoke".into());
        let mut target = dir.join(format!("{stem}-{}.db", now.format("%Y%m%dT%H%M%S%3fZ")));
        let mut n = 1;
        while target.exists() {
            target = dir.join(format!("{stem}-{}-{n}.db", now.format("%Y%m%dT%H%M%S%3fZ")));
            n += 1;
        }
        self.conn.execute("VACUUM INTO ?1", [target.display().to_string()])?;
        Ok(Some(BackupInfo::of(&target)))
    }

    /// Deletes all but the newest `keep` backups, never `spare`.
    fn prune(&self, spare: Option<&str>) -> Result<()> {
        let keep = self.backup_schedule()?.keep as usize;
        for old in self.backups()?.into_iter().skip(keep).filter(|b| Some(b.path.as_str()) != spare) {
            let _ = std::fs::remove_file(&old.path);
        }
        Ok(())
    }

    /// Writes a backup to `path`, a file the seller chose (replaced if it
    /// exists): the copy is made beside it and moved into place when complete.
    pub fn backup_to(&self, path: &Path) -> Result<BackupInfo> {
        let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(".partial");
        let partial = path.with_file_name(name);
        let _ = std::fs::remove_file(&partial);
        let made = self
            .conn
            .execute("VACUUM INTO ?1", [partial.display().to_string()])
            .map_err(|e| failed(path, &e))
            .and_then(|_| std::fs::rename(&partial, path).map_err(|e| failed(path, &e)));
        if let Err(e) = made {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
        Ok(BackupInfo::of(path))
    }

    /// Takes the daily backup if the newest in the folder is a day old (or
    /// there is none) and the schedule asks for one; returns it if taken.
    pub fn backup_if_due(&self, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
        if self.in_memory() || !self.backup_schedule()?.daily {
            return Ok(None);
        }
        let newest = self.backups()?.into_iter().next();
        let age = newest
            .and_then(|b| std::fs::metadata(&b.path).ok()?.modified().ok())
            .map(|t| now.signed_duration_since(DateTime::<Utc>::from(t)));
        if age.is_some_and(|a| a < chrono::Duration::days(1)) {
            return Ok(None);
        }
        self.backup(now)
    }

    pub fn backup_schedule(&self) -> Result<BackupSchedule> {
        let stored = settings::get(&self.conn, SCHEDULE)?;
        Ok(stored.and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default())
    }

    pub fn set_backup_schedule(&mut self, schedule: BackupSchedule) -> Result<BackupSchedule> {
        if !(1..=KEEP_MAX).contains(&schedule.keep) {
            return Err(StoreError::BackupKeep { keep: schedule.keep });
        }
        settings::put(&self.conn, SCHEDULE, serde_json::to_value(schedule).unwrap_or_default())?;
        self.prune(None)?;
        Ok(schedule)
    }

    /// Replaces the archive's content with the backup `name` (see [`Store::backup_file`]).
    pub fn restore(&mut self, name: &str, now: DateTime<Utc>) -> Result<BackupPreview> {
        let path = self.backup_file(name)?;
        self.restore_file(&path, now)
    }

    /// The file `name` stands for: a backup in the folder by its name (see
    /// [`Store::backups`]), else that file when it exists or names a folder too
    /// (a bare name that is neither is `backup.not_found`).
    pub fn backup_file(&self, name: &str) -> Result<PathBuf> {
        if let Some(b) = self.backups()?.into_iter().find(|b| b.name == name) {
            return Ok(PathBuf::from(b.path));
        }
        let path = Path::new(name);
        match path.is_file() || path.parent().is_some_and(|p| !p.as_os_str().is_empty()) {
            true => Ok(path.to_path_buf()),
            false => Err(StoreError::NoSuchBackup { name: name.to_owned() }),
        }
    }

    /// Replaces the archive's content with the backup at `path`, after taking
    /// a backup of the current state (so a restore can itself be undone), and
    /// migrates it if an older version wrote it.
    pub fn restore_file(&mut self, path: &Path, now: DateTime<Utc>) -> Result<BackupPreview> {
        let preview = self.preview_backup(path)?;
        if preview.schema_version > SCHEMA_VERSION {
            return Err(StoreError::BackupNewer {
                path: path.to_path_buf(),
                version: preview.schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        let staged = self.stage(path)?;
        let restored = (|| {
            self.snapshot(now)?;
            // One step of SQLite's backup API: the archive is the staged copy, whole, or
            // (killed before it commits) what it was.
            let copy = cipher::open_file(&staged, OpenFlags::SQLITE_OPEN_READ_ONLY, self.key.as_ref())?;
            rusqlite::backup::Backup::new(&copy, &mut self.conn)?.step(-1)?;
            drop(copy);
            db::configure(&self.conn)?;
            self.prune(Some(path.to_string_lossy().as_ref()))
        })();
        let _ = std::fs::remove_file(&staged);
        restored.map(|()| preview)
    }

    /// A copy of the backup at `path` made ready to become the archive: migrated
    /// to the current schema, its generation past both archives' (so no roster or
    /// ledger kept in memory for the old content can pass for the restored one).
    /// Everything a restore changes is done here, on the side, so that the
    /// restore itself is a single atomic copy.
    fn stage(&self, path: &Path) -> Result<PathBuf> {
        let staged = match self.in_memory() {
            true => std::env::temp_dir().join(format!("laoke-restore-{}.db", std::process::id())),
            false => {
                let mut name = self.path().file_name().map(|n| n.to_os_string()).unwrap_or_default();
                name.push(".restore");
                self.path().with_file_name(name)
            }
        };
        let _ = std::fs::remove_file(&staged);
        let made = (|| {
            // The copy is written under the archive's own key (or plain), whatever the
            // backup's. Read-write only because an export attaches the copy to it;
            // nothing writes to the backup.
            let source =
                cipher::open_file(path, OpenFlags::default(), self.key.as_ref()).map_err(|e| locked_backup(path, e))?;
            match (cipher::file_kind(path) == FileKind::Encrypted) == self.key.is_some() {
                // Keyed alike: the backup API copies the pages.
                true => cipher::copy_to(&source, &staged, self.key.as_ref())?,
                // A plain backup into an encrypted archive, or the other way round: rebuilt under the archive's key.
                false => cipher::export_to(&source, &staged, self.key.as_ref())?,
            }
            drop(source);
            let mut copy = cipher::open_file(&staged, OpenFlags::default(), self.key.as_ref())?;
            db::migrate(&mut copy)?;
            let restored = settings::get(&copy, settings::GENERATION)?.and_then(|v| v.as_i64()).unwrap_or(0);
            let next = self.generation()?.max(restored) + 1;
            settings::put(&copy, settings::GENERATION, next.into())
        })();
        if let Err(e) = made {
            let _ = std::fs::remove_file(&staged);
            return Err(e);
        }
        Ok(staged)
    }
}

/// An encrypted backup that the archive's key does not open (made under
/// another passphrase, or opened by a plain archive) is `backup.locked`.
fn locked_backup(path: &Path, e: StoreError) -> StoreError {
    match e {
        StoreError::Locked { .. } | StoreError::WrongPassphrase { .. } => {
            StoreError::BackupLocked { path: path.to_path_buf() }
        }
        _ => StoreError::NotAnArchive { path: path.to_path_buf() },
    }
}

impl Store {
    /// What the backup at `path` holds; an encrypted one is read with the archive's key.
    pub fn preview_backup(&self, path: &Path) -> Result<BackupPreview> {
        backup_preview(path, self.key.as_ref())
    }
}

/// What the backup at `path` holds, read through a read-only connection
/// (keyed with `key` if the backup is encrypted).
pub fn backup_preview(path: &Path, key: Option<&ArchiveKey>) -> Result<BackupPreview> {
    let not_archive = || StoreError::NotAnArchive { path: path.to_path_buf() };
    if !path.is_file() {
        return Err(not_archive());
    }
    let conn = cipher::open_file(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX, key)
        .map_err(|e| locked_backup(path, e))?;
    // A file that is no SQLite database fails on its first read; one that is
    // another program's database lacks the archive's tables.
    let tables: u32 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'
             AND name IN ('customers', 'orders', 'import_batches', 'settings')",
            [],
            |r| r.get(0),
        )
        .map_err(|_| not_archive())?;
    if tables != 4 {
        return Err(not_archive());
    }
    let schema_version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let counts = info::row_counts(&conn)?;
    let last_import: Option<String> =
        conn.query_row("SELECT max(finished_at) FROM import_batches WHERE status = 'done'", [], |r| r.get(0))?;
    Ok(BackupPreview {
        path: path.display().to_string(),
        bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        schema_version,
        current_schema: SCHEMA_VERSION,
        customers: counts.customers,
        orders: counts.orders,
        last_import,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use laoke_core::dto::DemoRequest;

    use crate::test_shop::{demo_end as t0, digest};

    fn demo(path: &Path, customers: u32) -> Store {
        crate::test_shop::demo_shop(path, customers, 1)
    }

    #[test]
    fn backup_prune_and_restore() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("shop.db")).unwrap();
        let empty = store.backup(t0()).unwrap().unwrap();
        store.fill_demo(DemoRequest { customers: 50, seed: 1 }, t0(), |_| true).unwrap();
        let keep = store.backup_schedule().unwrap().keep as usize;
        assert_eq!(keep, 10, "ten are kept unless the seller says otherwise");
        for i in 1..=keep as i64 + 2 {
            store.backup(t0() + Duration::seconds(i)).unwrap();
        }
        let list = store.backups().unwrap();
        assert_eq!(list.len(), keep, "only the newest are kept");
        assert!(list.iter().all(|b| b.name != empty.name), "the oldest was pruned");
        assert!(list[0].name > list[1].name, "newest first");

        let full = list[0].name.clone();
        store.conn.execute_batch("DELETE FROM order_items; DELETE FROM orders; DELETE FROM customers;").unwrap();
        assert_eq!(store.info().unwrap().counts.customers, 0);
        store.restore(&full, t0() + Duration::seconds(60)).unwrap();
        assert_eq!(store.info().unwrap().counts.customers, 50);
        assert!(matches!(store.restore("nope.db", t0()), Err(StoreError::NoSuchBackup { .. })));

        // Fewer kept: the folder shrinks at once.
        store.set_backup_schedule(BackupSchedule { daily: true, keep: 3 }).unwrap();
        assert_eq!(store.backups().unwrap().len(), 3);
        assert!(matches!(
            store.set_backup_schedule(BackupSchedule { daily: true, keep: 0 }),
            Err(StoreError::BackupKeep { keep: 0 })
        ));
    }

    #[test]
    fn a_manual_backup_round_trips_through_preview_and_restore() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = demo(&dir.path().join("shop.db"), 60);
        let before = digest(&store);
        let generation = store.generation().unwrap();
        let file = dir.path().join("elsewhere").join("我的备份.db");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let info = store.backup_to(&file).unwrap();
        assert!(info.bytes > 0);
        assert!(!dir.path().join("elsewhere").join("我的备份.db.partial").exists());

        let preview = backup_preview(&file, None).unwrap();
        assert_eq!((preview.customers, preview.orders), (60, store.info().unwrap().counts.orders));
        assert_eq!((preview.schema_version, preview.current_schema), (SCHEMA_VERSION, SCHEMA_VERSION));
        assert!(preview.last_import.is_some(), "the demo fill is the last import");

        store.conn.execute_batch("DELETE FROM customer_tags; UPDATE customers SET phone = NULL;").unwrap();
        assert_ne!(digest(&store), before);
        store.restore_file(&file, t0() + Duration::hours(1)).unwrap();
        assert_eq!(digest(&store), before, "the archive is the backup again");
        assert!(
            store.generation().unwrap() > generation,
            "no cache of the changed archive passes for the restored one"
        );
        // The state before the restore was backed up, and a manual backup is never pruned.
        assert_eq!(store.backups().unwrap().len(), 1);
        assert!(file.exists());
        // Writing a manual backup again replaces the file.
        store.backup_to(&file).unwrap();
        assert_eq!(backup_preview(&file, None).unwrap().customers, 60);
    }

    #[test]
    fn a_backup_of_an_older_version_is_migrated_on_restore() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("v5.db");
        crate::orders_per_shop::tests::archive_of_schema_5(&old);
        let preview = backup_preview(&old, None).unwrap();
        assert_eq!((preview.schema_version, preview.customers, preview.orders), (5, 3, 4));
        assert_eq!(preview.last_import, None);

        let mut store = demo(&dir.path().join("shop.db"), 20);
        store.restore_file(&old, t0()).unwrap();
        let info = store.info().unwrap();
        assert_eq!(info.schema_version, SCHEMA_VERSION);
        assert_eq!((info.counts.customers, info.counts.orders, info.counts.order_items), (3, 4, 3));
        // Migration 6 ran on the restored content: one default shop per platform.
        assert_eq!(store.shops().unwrap().len(), 2);
        // The archive is usable: a dashboard and a customer page read it.
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(store.customer_page(&Default::default(), today).unwrap().total, 3);
    }

    #[test]
    fn what_is_no_archive_or_is_newer_is_refused_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = demo(&dir.path().join("shop.db"), 10);
        let before = digest(&store);
        let text = dir.path().join("orders.csv");
        std::fs::write(&text, "order_no,amount\n1,9.90\n").unwrap();
        let other = dir.path().join("other.db");
        rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE notes (x TEXT)").unwrap();
        let newer = dir.path().join("newer.db");
        store.backup_to(&newer).unwrap();
        rusqlite::Connection::open(&newer)
            .unwrap()
            .execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
            .unwrap();

        for bad in [&text, &other, &dir.path().join("missing.db")] {
            assert!(matches!(backup_preview(bad, None), Err(StoreError::NotAnArchive { .. })), "{}", bad.display());
            assert!(matches!(store.restore_file(bad, t0()), Err(StoreError::NotAnArchive { .. })));
        }
        assert_eq!(backup_preview(&newer, None).unwrap().schema_version, SCHEMA_VERSION + 1);
        let refused = store.restore_file(&newer, t0());
        assert!(matches!(refused, Err(StoreError::BackupNewer { version, .. }) if version == SCHEMA_VERSION + 1));
        assert_eq!(digest(&store), before);
        assert!(store.backups().unwrap().is_empty(), "a refused restore takes no backup either");
    }

    #[test]
    fn the_daily_backup_is_taken_once_a_day_unless_turned_off() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = demo(&dir.path().join("shop.db"), 5);
        let now = Utc::now();
        assert!(store.backup_if_due(now).unwrap().is_some(), "none yet: one is due");
        assert!(store.backup_if_due(now).unwrap().is_none(), "the newest is not a day old");
        assert!(store.backup_if_due(now + Duration::hours(25)).unwrap().is_some());
        store.set_backup_schedule(BackupSchedule { daily: false, keep: 10 }).unwrap();
        assert!(store.backup_if_due(now + Duration::days(3)).unwrap().is_none());
        assert_eq!(store.backups().unwrap().len(), 2);
    }
}

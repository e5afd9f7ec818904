//! The [`FileCause`] of each kind of error a write can end in: the operating
//! system's, SQLite's, and those of the CSV and XLSX writers, which carry the
//! system's error inside. The errors that name a file the seller's machine
//! would not write (`backup.failed`, `db.rekey_failed`, `export.write_failed`)
//! carry it, so the UI says why in the seller's language.

use laoke_core::file_cause::FileCause;
use std::path::Path;

/// An error a write ended in, and what it says of why.
pub(crate) trait WriteFailure: std::fmt::Display {
    fn cause(&self) -> FileCause;

    /// The cause of this failure to write `path`. SQLite says only "unable to
    /// open" when the folder is gone, read-only or forbidden, so then the
    /// system is asked by opening `path` for writing (a file made by asking is
    /// removed again).
    fn cause_at(&self, path: &Path) -> FileCause {
        match self.cause() {
            FileCause::Other => {
                let existed = path.exists();
                match std::fs::OpenOptions::new().append(true).create(true).open(path) {
                    Err(e) => e.cause(),
                    Ok(_) => {
                        if !existed {
                            let _ = std::fs::remove_file(path);
                        }
                        FileCause::Other
                    }
                }
            }
            cause => cause,
        }
    }
}

impl WriteFailure for std::io::Error {
    fn cause(&self) -> FileCause {
        FileCause::of(self)
    }
}

impl WriteFailure for rusqlite::Error {
    fn cause(&self) -> FileCause {
        use rusqlite::ErrorCode as Code;
        match self.sqlite_error_code() {
            Some(Code::DiskFull) => FileCause::DiskFull,
            Some(Code::ReadOnly) => FileCause::ReadOnly,
            Some(Code::PermissionDenied) => FileCause::PermissionDenied,
            Some(Code::DatabaseBusy | Code::DatabaseLocked) => FileCause::InUse,
            _ => FileCause::Other,
        }
    }
}

impl WriteFailure for csv::Error {
    fn cause(&self) -> FileCause {
        match self.kind() {
            csv::ErrorKind::Io(e) => e.cause(),
            _ => FileCause::Other,
        }
    }
}

impl WriteFailure for rust_xlsxwriter::XlsxError {
    fn cause(&self) -> FileCause {
        match self {
            rust_xlsxwriter::XlsxError::IoError(e) => e.cause(),
            _ => FileCause::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Store, StoreError};
    use chrono::{TimeZone, Utc};
    use laoke_core::dto::DemoRequest;
    use laoke_core::error::ErrorCode;
    use laoke_core::file_cause::FileCause;

    #[test]
    fn a_backup_into_a_folder_that_is_gone_says_so() {
        let store = Store::open_in_memory().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let err = store.backup_to(&dir.path().join("unplugged").join("laoke.db")).unwrap_err();
        assert!(matches!(err, StoreError::Backup { cause: FileCause::NotFound, .. }), "{err:?}");
        assert_eq!(err.code(), "backup.failed");
        assert_eq!(err.details()["cause"], "not_found");
        assert!(err.details()["file"].as_str().is_some_and(|f| f.contains("unplugged")), "{:?}", err.details());
    }

    /// SQLite says only "unable to open" for a folder nobody may write to; the
    /// system, asked, says why. Linux's /sys takes no new file, even from root.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_backup_into_a_folder_nobody_may_write_to_says_so() {
        let store = Store::open_in_memory().unwrap();
        let err = store.backup_to(std::path::Path::new("/sys/laoke-backup.db")).unwrap_err();
        assert!(
            matches!(err, StoreError::Backup { cause: FileCause::PermissionDenied | FileCause::ReadOnly, .. }),
            "{err:?}"
        );
        assert!(!std::path::Path::new("/sys/laoke-backup.db").exists());
    }

    #[test]
    fn a_full_disk_is_its_own_code_and_the_archive_stays_as_it_was() {
        let mut store = Store::open_in_memory().unwrap();
        // The disk fills up two pages on: what the demo shop writes cannot fit.
        let pages: u32 = store.conn.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
        store.conn.pragma_update(None, "max_page_count", pages + 2).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
        let err = store.fill_demo(DemoRequest { customers: 200, seed: 3 }, now, |_| true).unwrap_err();
        assert!(matches!(err, StoreError::DiskFull(_)), "{err:?}");
        assert_eq!(err.code(), "db.disk_full");
        assert_eq!(store.info().unwrap().counts, Default::default(), "the transaction was rolled back");
        // Room again, and the same call goes through.
        store.conn.pragma_update(None, "max_page_count", 1_000_000).unwrap();
        store.fill_demo(DemoRequest { customers: 200, seed: 3 }, now, |_| true).unwrap();
        assert_eq!(store.info().unwrap().counts.customers, 200);
    }
}

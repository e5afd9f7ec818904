//! The archive's optional encryption: SQLCipher (AES-256 pages, each with an
//! HMAC, so a wrong key or a tampered page is caught on read), keyed by a
//! passphrase the seller types. Nothing of the passphrase is stored, which is
//! also why a lost one cannot be recovered.
//!
//! SQLCipher derives a file's key from the passphrase and the file's salt (its
//! first 16 bytes) with 256,000 rounds of PBKDF2, about a tenth of a second.
//! The app opens a connection per command, so [`ArchiveKey`] derives the key
//! the same way itself, once per salt, and hands SQLCipher the raw key; the
//! file stays an ordinary SQLCipher 4 file that opens with the passphrase in
//! any SQLCipher shell.
//!
//! Turning encryption on, off or to a new passphrase ([`change_encryption`])
//! writes each file anew beside itself and renames it into place, backups
//! first and the archive last, so a crash leaves every file whole under its
//! old or its new key, and running the same command again finishes the job.
//!
//! Replacing the archive file must not race a program that writes to it. The
//! app opens a connection per call, so between calls no file of SQLite's says
//! it is running; instead it holds [`ArchiveHold`] (a shared lock on
//! `<archive>.lock`) for its whole run, and a change needs that lock alone.

use crate::file_cause::WriteFailure;
use crate::{Result, Store, StoreError};
use rusqlite::{Connection, ErrorCode as SqliteCode};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use ts_rs::TS;
use zeroize::Zeroizing;

/// The shortest passphrase Laoke encrypts with, in characters.
pub const PASSPHRASE_MIN: usize = 8;
/// SQLCipher 4's default rounds of PBKDF2-HMAC-SHA512.
const KDF_ROUNDS: u32 = 256_000;
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// A passphrase and the keys derived from it, one per file salt. Cloned, it
/// shares the derived keys.
#[derive(Clone)]
pub struct ArchiveKey(Arc<KeyInner>);

struct KeyInner {
    passphrase: Zeroizing<String>,
    derived: Mutex<Vec<([u8; 16], Zeroizing<String>)>>,
}

impl std::fmt::Debug for ArchiveKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ArchiveKey(…)")
    }
}

impl ArchiveKey {
    /// The key an encrypted archive is opened with.
    pub fn new(passphrase: &str) -> Result<ArchiveKey> {
        if passphrase.is_empty() {
            return Err(StoreError::PassphraseEmpty);
        }
        Ok(ArchiveKey(Arc::new(KeyInner {
            passphrase: Zeroizing::new(passphrase.to_owned()),
            derived: Mutex::new(Vec::new()),
        })))
    }

    /// A passphrase chosen to encrypt with: at least [`PASSPHRASE_MIN`] characters.
    pub fn chosen(passphrase: &str) -> Result<ArchiveKey> {
        if passphrase.chars().count() < PASSPHRASE_MIN {
            return Err(StoreError::PassphraseTooShort { min: PASSPHRASE_MIN });
        }
        ArchiveKey::new(passphrase)
    }

    /// SQLCipher's raw-key form (`x'…'`) of the key for a file with `salt`.
    fn raw(&self, salt: [u8; 16]) -> Zeroizing<String> {
        let mut derived = self.0.derived.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((_, raw)) = derived.iter().find(|(s, _)| *s == salt) {
            return raw.clone();
        }
        let mut key = Zeroizing::new([0u8; 32]);
        pbkdf2::pbkdf2_hmac::<sha2::Sha512>(self.0.passphrase.as_bytes(), &salt, KDF_ROUNDS, key.as_mut());
        let mut raw = Zeroizing::new(String::with_capacity(67));
        raw.push_str("x'");
        for b in key.iter() {
            let _ = write!(raw, "{b:02x}");
        }
        raw.push('\'');
        derived.push((salt, raw.clone()));
        raw
    }

    /// Keys `conn`, just opened on the encrypted file at `path`, and checks the
    /// key on a first read: a wrong one decrypts to noise that the pages' HMAC rejects.
    pub(crate) fn unlock(&self, conn: &Connection, path: &Path) -> Result<()> {
        let salt = salt_of(path).ok_or_else(|| StoreError::Locked { path: path.to_path_buf() })?;
        // A wrong key is an answer for the seller, not a log line on stderr.
        conn.execute_batch("PRAGMA cipher_log_level = NONE")?;
        conn.pragma_update(None, "key", &*self.raw(salt))?;
        match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
            Ok(_) => Ok(()),
            Err(e) if e.sqlite_error_code() == Some(SqliteCode::NotADatabase) => {
                Err(StoreError::WrongPassphrase { path: path.to_path_buf() })
            }
            Err(source) => Err(StoreError::Open { path: path.to_path_buf(), source }),
        }
    }
}

/// What a file on disk is, told from its first bytes without opening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// No file, or an empty one: opening creates a plain archive.
    Missing,
    /// A plain SQLite file, or something that is no database at all (opening it says so).
    Plain,
    /// Whole pages without SQLite's header: an SQLCipher file.
    Encrypted,
}

pub fn file_kind(path: &Path) -> FileKind {
    let Ok(mut file) = std::fs::File::open(path) else { return FileKind::Missing };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut head = [0u8; 16];
    if len == 0 {
        return FileKind::Missing;
    }
    if file.read_exact(&mut head).is_err() || &head == SQLITE_HEADER {
        return FileKind::Plain;
    }
    // A database is whole pages (512 bytes at the least); a text file that
    // happens to sit at the archive's path is not, and is reported as what it is.
    match len % 512 == 0 {
        true => FileKind::Encrypted,
        false => FileKind::Plain,
    }
}

fn salt_of(path: &Path) -> Option<[u8; 16]> {
    let mut salt = [0u8; 16];
    std::fs::File::open(path).ok()?.read_exact(&mut salt).ok()?;
    Some(salt)
}

/// Opens the file at `path` as it is on disk: plain, or encrypted and keyed
/// with `key` (`db.locked` without one). Nothing is written.
pub(crate) fn open_file(path: &Path, flags: rusqlite::OpenFlags, key: Option<&ArchiveKey>) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
    if file_kind(path) == FileKind::Encrypted {
        key.ok_or_else(|| StoreError::Locked { path: path.to_path_buf() })?.unlock(&conn, path)?;
    }
    Ok(conn)
}

/// Writes what `source` holds to a new file `target`, encrypted with `key` or
/// plain, schema version included (SQLCipher's export copies tables, not the
/// header's user version). The file is complete and flushed when this returns.
pub(crate) fn export_to(source: &Connection, target: &Path, key: Option<&ArchiveKey>) -> Result<()> {
    let _ = std::fs::remove_file(target);
    let written = (|| -> rusqlite::Result<()> {
        let passphrase = key.map(|k| k.0.passphrase.as_str()).unwrap_or("");
        source.execute("ATTACH DATABASE ?1 AS rekeyed KEY ?2", (target.display().to_string(), passphrase))?;
        let exported = (|| -> rusqlite::Result<()> {
            let _: String = source.query_row("PRAGMA rekeyed.journal_mode = DELETE", [], |r| r.get(0))?;
            // One transaction: the export reads a single state of the source even while another connection writes.
            source.execute_batch("BEGIN")?;
            source.query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))?;
            let version: i64 = source.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
            source.execute_batch(&format!("PRAGMA rekeyed.user_version = {version}; COMMIT"))?;
            Ok(())
        })();
        if exported.is_err() {
            let _ = source.execute_batch("ROLLBACK");
        }
        source.execute_batch("DETACH DATABASE rekeyed")?;
        exported
    })()
    .map_err(|e| failed(target, e))
    .and_then(|()| flush(target));
    if written.is_err() {
        let _ = std::fs::remove_file(target);
    }
    written
}

/// Copies `source` page by page to a new file `target` through SQLite's backup
/// API, several times faster than [`export_to`]'s rebuild; only for a source
/// keyed alike: plain to plain, or encrypted to encrypted (`key`), since the
/// pages of a plain and an encrypted file differ in their reserved bytes.
pub(crate) fn copy_to(source: &Connection, target: &Path, key: Option<&ArchiveKey>) -> Result<()> {
    let _ = std::fs::remove_file(target);
    let copied = (|| -> rusqlite::Result<()> {
        let mut copy = Connection::open(target)?;
        if let Some(key) = key {
            // The new file's salt is drawn when it is first written; SQLCipher derives its key then.
            copy.pragma_update(None, "key", key.0.passphrase.as_str())?;
        }
        rusqlite::backup::Backup::new(source, &mut copy)?.step(-1)?;
        Ok(())
    })()
    .map_err(|e| failed(target, e))
    .and_then(|()| flush(target));
    if copied.is_err() {
        let _ = std::fs::remove_file(target);
    }
    copied
}

/// Puts a new file's bytes on the disk. Opened for writing: Windows flushes
/// only through a handle that may write.
fn flush(target: &Path) -> Result<()> {
    std::fs::OpenOptions::new().write(true).open(target).and_then(|f| f.sync_all()).map_err(|e| failed(target, e))
}

fn failed(path: &Path, e: impl WriteFailure) -> StoreError {
    StoreError::Rekey { path: path.to_path_buf(), cause: e.cause_at(path), reason: e.to_string() }
}

/// Moves `from` over `to` and makes the rename itself durable.
fn replace(from: &Path, to: &Path) -> Result<()> {
    if let Err(e) = std::fs::rename(from, to) {
        let _ = std::fs::remove_file(from);
        return Err(failed(to, e));
    }
    #[cfg(unix)]
    if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// What [`change_encryption`] did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EncryptionReport {
    pub archive: String,
    /// Whether the archive is encrypted now.
    pub encrypted: bool,
    /// Backups in the backup folder written under the new key (or plain).
    pub backups_converted: u32,
    /// Backups already under the new key (left from an interrupted run).
    pub backups_already: u32,
    /// Backups left as they are: they open with neither key (encrypted with a
    /// passphrase from before), or could not be rewritten (damaged, or no room
    /// on the disk for their new copy).
    pub backups_unreadable: Vec<String>,
}

/// A program's claim on an archive file, a lock on `<archive>.lock`: shared by
/// every app that has the archive open, for its whole run; an encryption
/// change needs it alone, so the command line's `laoke encrypt` is refused
/// with `db.in_use` while the app runs instead of replacing the file under it.
pub struct ArchiveHold {
    file: std::fs::File,
}

impl ArchiveHold {
    /// Takes the shared claim, waiting while an encryption change runs.
    pub fn shared(archive: &Path) -> Result<Self> {
        let lock = beside(archive, ".lock");
        if let Some(dir) = archive.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir { path: dir.to_path_buf(), source })?;
        }
        let file = lock_file(&lock)?;
        file.lock_shared().map_err(|e| failed(&lock, e))?;
        Ok(ArchiveHold { file })
    }
}

/// The claim an encryption change holds alone: taken from nobody (the command
/// line) or upgraded from the app's own shared one, which it gets back after.
enum Alone<'a> {
    Own(#[allow(dead_code)] std::fs::File),
    Upgraded(&'a std::fs::File),
}

impl<'a> Alone<'a> {
    fn take(archive: &Path, hold: Option<&'a ArchiveHold>) -> Result<Self> {
        let lock = beside(archive, ".lock");
        let refused = |e| match e {
            std::fs::TryLockError::WouldBlock => StoreError::InUse { path: archive.to_path_buf() },
            std::fs::TryLockError::Error(e) => failed(&lock, e),
        };
        match hold {
            None => {
                let file = lock_file(&lock)?;
                file.try_lock().map_err(refused)?;
                Ok(Alone::Own(file))
            }
            Some(held) => {
                // A lock cannot be raised from shared to alone in one step on every
                // OS, so it is let go and taken again; another app may take it between.
                held.file.unlock().map_err(|e| failed(&lock, e))?;
                if let Err(e) = held.file.try_lock() {
                    let _ = held.file.lock_shared();
                    return Err(refused(e));
                }
                Ok(Alone::Upgraded(&held.file))
            }
        }
    }
}

impl Drop for Alone<'_> {
    fn drop(&mut self) {
        if let Alone::Upgraded(file) = self {
            let _ = file.unlock();
            let _ = file.lock_shared();
        }
    }
}

fn lock_file(lock: &Path) -> Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(lock)
        .map_err(|e| failed(lock, e))
}

/// Encrypts (`current` none, `next` some), decrypts (`current` some, `next`
/// none) or re-keys (both) the archive at `path` and the backups in its
/// backup folder. Every other connection to the archive must be closed: the
/// archive file is replaced. `hold` is the caller's own [`ArchiveHold`] (the
/// app's); any other holder makes it `db.in_use` before anything is written.
pub fn change_encryption(
    path: &Path,
    current: Option<&ArchiveKey>,
    next: Option<&ArchiveKey>,
    hold: Option<&ArchiveHold>,
) -> Result<EncryptionReport> {
    match (file_kind(path), current, next) {
        (FileKind::Encrypted, None, Some(_)) => return Err(StoreError::AlreadyEncrypted { path: path.to_path_buf() }),
        (FileKind::Plain | FileKind::Missing, Some(_), _) | (FileKind::Plain | FileKind::Missing, None, None) => {
            return Err(StoreError::NotEncrypted { path: path.to_path_buf() })
        }
        _ => {}
    }
    let _alone = Alone::take(path, hold)?;
    let store = Store::open_with(path, current)?;
    // A killed restore's staging copy is the archive as it was, plain perhaps.
    let _ = std::fs::remove_file(beside(path, ".restore"));
    let fresh = beside(path, ".rekey");
    // Everything the log holds goes into the file first, so that closing the
    // last connection leaves no log behind to sit beside the new file.
    store.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let version = data_version(&store.conn)?;
    // The archive's new copy first: when it cannot be written (a full disk),
    // no file has changed yet.
    export_to(&store.conn, &fresh, next)?;
    let mut report = EncryptionReport {
        archive: path.display().to_string(),
        encrypted: next.is_some(),
        backups_converted: 0,
        backups_already: 0,
        backups_unreadable: Vec::new(),
    };
    for backup in store.backups()? {
        let file = PathBuf::from(&backup.path);
        if opens_with(&file, next) {
            report.backups_already += 1;
            continue;
        }
        // Read-write: the new file is attached to this connection, and an
        // attached file shares its connection's flags.
        let source = match open_file(&file, rusqlite::OpenFlags::default(), current) {
            Ok(conn) => conn,
            Err(_) => {
                report.backups_unreadable.push(backup.name);
                continue;
            }
        };
        let rekeyed = beside(&file, ".rekey");
        // A damaged backup, or no room for its copy, leaves it as it is and
        // does not stop the others or the archive.
        let written = export_to(&source, &rekeyed, next);
        drop(source);
        match written.and_then(|()| replace(&rekeyed, &file)) {
            Ok(()) => report.backups_converted += 1,
            Err(_) => report.backups_unreadable.push(backup.name),
        }
    }
    // Another program wrote while the backups were converted (the command line
    // beside the command line): the archive's copy is written again.
    if data_version(&store.conn)? != version {
        export_to(&store.conn, &fresh, next)?;
    }
    drop(store);
    if beside(path, "-wal").exists() {
        let _ = std::fs::remove_file(&fresh);
        return Err(StoreError::InUse { path: path.to_path_buf() });
    }
    let _ = std::fs::remove_file(beside(path, "-shm"));
    replace(&fresh, path)?;
    Ok(report)
}

/// Moves on whenever another connection commits to the archive.
fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

/// Whether `path` is a file in the state `key` asks for: encrypted and opening
/// with it, or (no key) plain.
fn opens_with(path: &Path, key: Option<&ArchiveKey>) -> bool {
    match (file_kind(path), key) {
        (FileKind::Plain, None) => true,
        (FileKind::Encrypted, Some(key)) => {
            open_file(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY, Some(key)).is_ok()
        }
        _ => false,
    }
}

impl Store {
    /// Whether the archive file is encrypted.
    pub fn encrypted(&self) -> bool {
        self.key.is_some()
    }
}

#[cfg(test)]
mod tests;

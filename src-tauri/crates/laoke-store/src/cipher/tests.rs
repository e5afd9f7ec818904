//! Encryption round trips on a real (demo) archive: what the file holds on
//! disk, what opens it, and that backups follow the archive's key.

use super::*;

use crate::test_shop::{demo_end as t0, digest};

fn demo(path: &Path) -> Store {
    crate::test_shop::demo_shop(path, 80, 3)
}

/// Nicks, phones and emails the archive holds, long enough not to occur by chance.
fn secrets(store: &Store) -> Vec<String> {
    let mut stmt = store.conn.prepare("SELECT nick, phone, email FROM customers").unwrap();
    let rows = stmt.query_map([], |r| Ok([r.get::<_, Option<String>>(0)?, r.get(1)?, r.get(2)?])).unwrap();
    let found: Vec<String> = rows.flat_map(|r| r.unwrap()).flatten().filter(|s| s.len() >= 6).collect();
    assert!(found.len() > 80, "the demo shop has nicks, phones and emails: {}", found.len());
    found
}

fn plaintext_in(path: &Path, secrets: &[String]) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    secrets.iter().filter(|s| bytes.windows(s.len()).any(|w| w == s.as_bytes())).cloned().collect()
}

#[test]
fn a_key_derived_here_opens_a_file_sqlcipher_keyed_with_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cipher.db");
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "key", "correct horse").unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES ('kept')").unwrap();
    drop(conn);
    assert_eq!(file_kind(&path), FileKind::Encrypted);
    let conn = Connection::open(&path).unwrap();
    ArchiveKey::new("correct horse").unwrap().unlock(&conn, &path).unwrap();
    let x: String = conn.query_row("SELECT x FROM t", [], |r| r.get(0)).unwrap();
    assert_eq!(x, "kept");
    let conn = Connection::open(&path).unwrap();
    let err = ArchiveKey::new("correct horsE").unwrap().unlock(&conn, &path).unwrap_err();
    assert!(matches!(err, StoreError::WrongPassphrase { .. }), "{err:?}");
}

#[test]
fn encrypt_rekey_decrypt_round_trip_with_backups() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    let store = demo(&path);
    let before = digest(&store);
    let secrets = secrets(&store);
    let old_backup = PathBuf::from(store.backup(t0()).unwrap().unwrap().path);
    let outside = dir.path().join("outside.db");
    store.backup_to(&outside).unwrap();
    drop(store);
    assert!(!plaintext_in(&path, &secrets).is_empty(), "the test can see plaintext when it is there");

    let first = ArchiveKey::chosen("first passphrase").unwrap();
    let report = change_encryption(&path, None, Some(&first), None).unwrap();
    assert!(report.encrypted);
    assert_eq!(report.backups_converted, 1);
    for file in [&path, &old_backup] {
        assert_eq!(file_kind(file), FileKind::Encrypted, "{}", file.display());
        assert_eq!(plaintext_in(file, &secrets), Vec::<String>::new(), "{}", file.display());
    }
    assert!(!beside(&path, ".rekey").exists());

    // Without the key nothing opens, and the file is left byte for byte as it was.
    let bytes = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("locked");
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    assert_eq!(laoke_core::error::ErrorCode::code(&err), "db.locked");
    let err = Store::open_with(&path, Some(&ArchiveKey::new("first passphrasE").unwrap())).err().unwrap();
    assert_eq!(laoke_core::error::ErrorCode::code(&err), "db.passphrase_wrong");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert!(!beside(&path, "-wal").exists());

    // With it, everything is there, and new backups are encrypted too and open with it.
    let mut store = Store::open_with(&path, Some(&first)).unwrap();
    assert!(store.encrypted());
    assert_eq!(digest(&store), before);
    let fresh = PathBuf::from(store.backup(t0() + chrono::Duration::hours(1)).unwrap().unwrap().path);
    assert_eq!(file_kind(&fresh), FileKind::Encrypted);
    assert_eq!(plaintext_in(&fresh, &secrets), Vec::<String>::new());
    assert_eq!(store.preview_backup(&fresh).unwrap().customers, 80);
    let err = backup_preview_plain(&fresh);
    assert_eq!(err, "backup.locked");
    let manual = dir.path().join("manual.db");
    store.backup_to(&manual).unwrap();
    assert_eq!(plaintext_in(&manual, &secrets), Vec::<String>::new());

    // A plain backup from before encryption restores into the encrypted archive, which stays encrypted.
    store.conn.execute("DELETE FROM customer_tags", []).unwrap();
    store.restore_file(&outside, t0() + chrono::Duration::hours(2)).unwrap();
    assert_eq!(digest(&store), before);
    // An encrypted backup restores page by page, and the archive stays encrypted.
    store.conn.execute("UPDATE customers SET nick = 'changed' WHERE id = 1", []).unwrap();
    assert_ne!(digest(&store), before);
    store.restore_file(&manual, t0() + chrono::Duration::hours(3)).unwrap();
    assert_eq!(digest(&store), before);
    drop(store);
    assert_eq!(file_kind(&path), FileKind::Encrypted);
    assert_eq!(plaintext_in(&path, &secrets), Vec::<String>::new());
    assert!(!beside(&path, ".restore").exists());

    // Re-keyed: the old passphrase opens nothing, the new one everything.
    let second = ArchiveKey::chosen("second passphrase").unwrap();
    let report = change_encryption(&path, Some(&first), Some(&second), None).unwrap();
    assert_eq!(report.backups_converted, 4, "{report:?}");
    assert!(report.backups_unreadable.is_empty());
    let err = Store::open_with(&path, Some(&first)).err().unwrap();
    assert!(matches!(err, StoreError::WrongPassphrase { .. }), "{err:?}");
    let store = Store::open_with(&path, Some(&second)).unwrap();
    assert_eq!(digest(&store), before);
    for b in store.backups().unwrap() {
        assert_eq!(store.preview_backup(Path::new(&b.path)).unwrap().customers, 80, "{}", b.name);
    }
    drop(store);

    // Run again after a crash between the backups and the archive: the backups
    // already under the new key are counted, not converted twice.
    let third = ArchiveKey::chosen("third passphrase").unwrap();
    let again = change_encryption(&path, Some(&second), Some(&second), None).unwrap();
    assert_eq!((again.backups_converted, again.backups_already), (0, 4));
    let err = change_encryption(&path, None, Some(&third), None).unwrap_err();
    assert_eq!(laoke_core::error::ErrorCode::code(&err), "db.already_encrypted");

    // Decrypted: plain again, and opens without a key.
    let report = change_encryption(&path, Some(&second), None, None).unwrap();
    assert!(!report.encrypted);
    assert_eq!(file_kind(&path), FileKind::Plain);
    let store = Store::open(&path).unwrap();
    assert!(!store.encrypted());
    assert_eq!(digest(&store), before);
    for b in store.backups().unwrap() {
        assert_eq!(file_kind(Path::new(&b.path)), FileKind::Plain, "{}", b.name);
    }
    drop(store);
    let err = change_encryption(&path, Some(&second), None, None).unwrap_err();
    assert_eq!(laoke_core::error::ErrorCode::code(&err), "db.not_encrypted");
}

fn backup_preview_plain(path: &Path) -> String {
    let err = crate::backup_preview(path, None).unwrap_err();
    laoke_core::error::ErrorCode::code(&err).to_owned()
}

#[test]
fn a_new_passphrase_needs_eight_characters_and_an_open_archive_blocks_the_change() {
    let err = ArchiveKey::chosen("short").unwrap_err();
    assert_eq!(laoke_core::error::ErrorCode::code(&err), "db.passphrase_too_short");
    assert_eq!(laoke_core::error::ErrorCode::code(&ArchiveKey::new("").unwrap_err()), "db.passphrase_empty");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    let held = demo(&path);
    let before = digest(&held);
    let err = change_encryption(&path, None, Some(&ArchiveKey::chosen("long enough").unwrap()), None).unwrap_err();
    assert_eq!(laoke_core::error::ErrorCode::code(&err), "db.in_use");
    assert_eq!(file_kind(&path), FileKind::Plain);
    assert!(!beside(&path, ".rekey").exists());
    drop(held);
    assert_eq!(digest(&Store::open(&path).unwrap()), before);
}

#[test]
fn a_text_file_at_the_archive_path_is_not_taken_for_an_encrypted_archive() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "a shopping list, not an archive").unwrap();
    assert_eq!(file_kind(&path), FileKind::Plain);
    assert_eq!(file_kind(&dir.path().join("absent.db")), FileKind::Missing);
}

/// The app holds the archive for its whole run: the command line's change is
/// refused before anything is written, the app's own goes through, and the
/// app keeps its claim afterwards.
#[test]
fn a_running_app_s_claim_refuses_the_command_line_and_lets_its_own_change_through() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    let store = demo(&path);
    let before = digest(&store);
    let backup = PathBuf::from(store.backup(t0()).unwrap().unwrap().path);
    drop(store);
    let key = ArchiveKey::chosen("long enough").unwrap();

    let app = ArchiveHold::shared(&path).unwrap();
    let err = change_encryption(&path, None, Some(&key), None).unwrap_err();
    assert_eq!(laoke_core::error::ErrorCode::code(&err), "db.in_use");
    assert_eq!((file_kind(&path), file_kind(&backup)), (FileKind::Plain, FileKind::Plain));
    assert!(!beside(&path, ".rekey").exists());

    let report = change_encryption(&path, None, Some(&key), Some(&app)).unwrap();
    assert_eq!((report.encrypted, report.backups_converted), (true, 1));
    assert_eq!((file_kind(&path), file_kind(&backup)), (FileKind::Encrypted, FileKind::Encrypted));
    let err = change_encryption(&path, Some(&key), None, None).unwrap_err();
    assert_eq!(laoke_core::error::ErrorCode::code(&err), "db.in_use", "the app still holds its claim");

    drop(app);
    change_encryption(&path, Some(&key), None, None).unwrap();
    assert_eq!(digest(&Store::open(&path).unwrap()), before);
}

/// A backup cut short (a killed copy) cannot be rewritten: it is left as it
/// is and named, and the other backups and the archive are encrypted anyway.
#[test]
fn a_damaged_backup_is_left_as_it_is_and_the_rest_is_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    let store = demo(&path);
    let secrets = secrets(&store);
    let whole = PathBuf::from(store.backup(t0()).unwrap().unwrap().path);
    let cut = store.backup(t0() + chrono::Duration::hours(1)).unwrap().unwrap();
    drop(store);
    let bytes = std::fs::read(&cut.path).unwrap();
    std::fs::write(&cut.path, &bytes[..bytes.len() / 2]).unwrap();

    let key = ArchiveKey::chosen("long enough").unwrap();
    let report = change_encryption(&path, None, Some(&key), None).unwrap();
    assert_eq!((report.backups_converted, report.backups_unreadable.clone()), (1, vec![cut.name.clone()]));
    assert_eq!((file_kind(&path), file_kind(&whole)), (FileKind::Encrypted, FileKind::Encrypted));
    assert_eq!(plaintext_in(&path, &secrets), Vec::<String>::new());
    assert_eq!(std::fs::read(&cut.path).unwrap(), &bytes[..bytes.len() / 2]);
    assert!(!beside(Path::new(&cut.path), ".rekey").exists());
}

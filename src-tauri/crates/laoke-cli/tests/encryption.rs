//! `laoke encrypt|decrypt|rekey` as a script uses them, with the passphrase in
//! `LAOKE_PASSPHRASE` (and `LAOKE_NEW_PASSPHRASE`): the encrypted file holds
//! no customer's nick, phone or email; without the passphrase every command
//! fails with `db.locked` and leaves the file as it was; backups follow the
//! archive's key.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const AS_OF: &str = "2026-11-22T02:00:00Z";
const FIRST: &str = "马到成功 first";
const SECOND: &str = "second passphrase";

fn laoke(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laoke"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("LAOKE_DB")
        .env_remove("LAOKE_PASSPHRASE")
        .env_remove("LAOKE_NEW_PASSPHRASE")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is one JSON document ({e}): {out:?}"))
}

fn code(out: &Output) -> String {
    assert!(!out.status.success(), "must fail: {out:?}");
    json(out)["error"]["code"].as_str().unwrap_or_default().to_owned()
}

/// The nicks, phones and emails of the archive (read while it is still plain).
fn secrets(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT nick, phone, email FROM customers").unwrap();
    let rows = stmt.query_map([], |r| Ok([r.get::<_, Option<String>>(0)?, r.get(1)?, r.get(2)?])).unwrap();
    let found: Vec<String> = rows.flat_map(Result::unwrap).flatten().filter(|s| s.len() >= 6).collect();
    assert!(found.len() > 300, "nicks, phones and emails to look for: {}", found.len());
    found
}

fn leaked(file: &Path, secrets: &[String]) -> usize {
    let bytes = std::fs::read(file).unwrap();
    secrets.iter().filter(|s| bytes.windows(s.len()).any(|w| w == s.as_bytes())).count()
}

#[test]
fn encrypt_lock_rekey_and_decrypt_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    assert!(laoke(&db, &["demo", "--customers", "200", "--as-of", AS_OF, "--json"], &[]).status.success());
    let info = json(&laoke(&db, &["info", "--json"], &[]));
    let secrets = secrets(&db);
    assert!(laoke(&db, &["backup", "create", "--json"], &[]).status.success());
    assert!(leaked(&db, &secrets) > 0, "the check finds plaintext when it is there");

    // A short passphrase, or none to be had, changes nothing.
    assert_eq!(code(&laoke(&db, &["encrypt", "--json"], &[("LAOKE_PASSPHRASE", "short")])), "db.passphrase_too_short");
    assert_eq!(code(&laoke(&db, &["encrypt", "--json"], &[])), "db.passphrase_unavailable");
    assert_eq!(json(&laoke(&db, &["info", "--json"], &[])), info);

    let done = json(&laoke(&db, &["encrypt", "--json"], &[("LAOKE_PASSPHRASE", FIRST)]));
    assert_eq!((done["encrypted"].clone(), done["backups_converted"].clone()), (Value::from(true), Value::from(1)));
    assert_eq!(leaked(&db, &secrets), 0, "no nick, phone or email in the encrypted archive's bytes");
    let backups = json(&laoke(&db, &["backup", "list", "--json"], &[("LAOKE_PASSPHRASE", FIRST)]));
    let backup = backups["backups"][0]["path"].as_str().unwrap().to_owned();
    assert_eq!(leaked(Path::new(&backup), &secrets), 0, "nor in its backup's");

    // Without the passphrase: db.locked, and the file is not touched (no log beside it either).
    let bytes = std::fs::read(&db).unwrap();
    for args in [&["info", "--json"][..], &["customers", "--json"], &["import", "missing.csv", "--json"]] {
        assert_eq!(code(&laoke(&db, args, &[])), "db.locked", "{args:?}");
    }
    assert_eq!(code(&laoke(&db, &["info", "--json"], &[("LAOKE_PASSPHRASE", SECOND)])), "db.passphrase_wrong");
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    assert!(!dir.path().join("shop.db-wal").exists());
    assert_eq!(code(&laoke(&db, &["encrypt", "--json"], &[("LAOKE_PASSPHRASE", FIRST)])), "db.already_encrypted");

    // With it, the archive is what it was.
    assert_eq!(json(&laoke(&db, &["info", "--json"], &[("LAOKE_PASSPHRASE", FIRST)])), info);

    // Re-keyed: the first passphrase opens nothing, the second the archive and its backup.
    let rekeyed = laoke(&db, &["rekey", "--json"], &[("LAOKE_PASSPHRASE", FIRST), ("LAOKE_NEW_PASSPHRASE", SECOND)]);
    assert_eq!(json(&rekeyed)["backups_converted"], 1);
    assert_eq!(code(&laoke(&db, &["info", "--json"], &[("LAOKE_PASSPHRASE", FIRST)])), "db.passphrase_wrong");
    assert_eq!(json(&laoke(&db, &["info", "--json"], &[("LAOKE_PASSPHRASE", SECOND)])), info);
    let preview = json(&laoke(&db, &["backup", "preview", &backup, "--json"], &[("LAOKE_PASSPHRASE", SECOND)]));
    assert_eq!(preview["customers"], 200);
    assert_eq!(leaked(&db, &secrets), 0);

    // Decrypted: plain again, opened without a passphrase.
    assert_eq!(code(&laoke(&db, &["decrypt", "--json"], &[])), "db.locked");
    let plain = json(&laoke(&db, &["decrypt", "--json"], &[("LAOKE_PASSPHRASE", SECOND)]));
    assert_eq!(plain["encrypted"], false);
    assert_eq!(json(&laoke(&db, &["info", "--json"], &[])), info);
    assert!(leaked(&db, &secrets) > 0);
    assert_eq!(code(&laoke(&db, &["decrypt", "--json"], &[])), "db.not_encrypted");
}

//! Killing `laoke import` in the middle (SIGKILL: no cleanup runs) leaves the
//! archive exactly as it was: the import is one transaction, and SQLite discards
//! an uncommitted one on the next open (from the WAL, or for the command's bulk
//! load on the rollback journal, by rolling the hot journal back).

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn laoke(db: &Path, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_laoke"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("LAOKE_DB")
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
}

#[test]
fn a_killed_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    laoke(&db, &["demo", "--customers", "200", "--as-of", "2026-11-22T02:00:00Z", "--json"]);
    let before = laoke(&db, &["stats", "--json"]);

    // A generic file large enough to take seconds to import.
    let file = dir.path().join("big.csv");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
    writeln!(f, "Invoice,Customer,Date,Item,Qty,Price").unwrap();
    for i in 0..400_000u32 {
        writeln!(
            f,
            "K{},c{},2025-03-{:02} 10:00:00,Tea {},{},{}.50",
            i / 2,
            i % 5_000,
            i % 28 + 1,
            i % 50,
            i % 3 + 1,
            i % 90 + 1
        )
        .unwrap();
    }
    drop(f);
    let mapping = dir.path().join("m.json");
    std::fs::write(
        &mapping,
        r#"{"columns": {"order_id": "Invoice", "buyer_id": "Customer", "created_at": "Date", "item_title": "Item", "quantity": "Qty", "unit_price": "Price"}}"#,
    )
    .unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_laoke"))
        .arg("--db")
        .arg(&db)
        .args(["import", file.to_str().unwrap(), "--mapping", mapping.to_str().unwrap(), "--json"])
        .env_remove("LAOKE_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill once the import is writing: its uncommitted pages are in the WAL, or (a
    // bulk load by the command, on the rollback journal) its transaction's journal
    // has existed for a while.
    let wal = dir.path().join("shop.db-wal");
    let journal = dir.path().join("shop.db-journal");
    let start = Instant::now();
    let mut journal_since: Option<Instant> = None;
    let mut grew = false;
    while start.elapsed() < Duration::from_secs(60) {
        if journal.exists() {
            journal_since.get_or_insert_with(Instant::now);
        }
        let wal_grew = std::fs::metadata(&wal).map(|m| m.len() > 4 << 20).unwrap_or(false);
        if wal_grew || journal_since.is_some_and(|t| t.elapsed() > Duration::from_millis(300)) {
            grew = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(grew, "the import should still be writing when it is killed");
    child.kill().unwrap();
    child.wait().unwrap();

    assert_eq!(laoke(&db, &["stats", "--json"]), before, "the archive is exactly as before");
    let info = laoke(&db, &["info", "--json"]);
    assert_eq!(info["counts"]["import_batches"], 1, "not even the batch record survives");
}

//! `laoke backup` and `laoke export` as a script uses them: a backup to a
//! chosen file, its preview, a restore that undoes a bulk change, the daily
//! schedule, and exports of a segment and of the whole archive, masked or not.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const AS_OF: &str = "2026-11-22T02:00:00Z";

fn laoke(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laoke")).arg("--db").arg(db).args(args).env_remove("LAOKE_DB").output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is one JSON document ({e}): {out:?}"))
}

#[test]
fn a_backup_file_previews_and_restores_what_a_bulk_change_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    laoke(&db, &["demo", "--customers", "80", "--as-of", AS_OF]);
    let file = dir.path().join("手动备份.db");
    let file_arg = file.to_str().unwrap();
    let made = json(&laoke(&db, &["backup", "create", "--out", file_arg, "--json"]));
    assert_eq!(made["backup"]["path"], file_arg);
    let preview = json(&laoke(&db, &["backup", "preview", file_arg, "--json"]));
    assert_eq!(
        (preview["customers"].as_u64(), preview["schema_version"].clone()),
        (Some(80), preview["current_schema"].clone())
    );

    // A bulk change is backed up first, and the manual backup undoes it.
    let tagged = json(&laoke(&db, &["customers", "bulk", "--tag", "VIP", "--json"]));
    assert_eq!(tagged["customers"], 80);
    let listed = json(&laoke(&db, &["backup", "list", "--json"]));
    assert_eq!(listed["backups"].as_array().unwrap().len(), 1, "the bulk change took one");
    let restored = json(&laoke(&db, &["backup", "restore", file_arg, "--json"]));
    assert_eq!(restored["info"]["counts"]["customers"], 80);
    assert_eq!(restored["info"]["counts"]["customer_tags"], 0, "the tags are gone again");
    let listed = json(&laoke(&db, &["backup", "list", "--json"]));
    assert_eq!(listed["backups"].as_array().unwrap().len(), 2, "the restore took one of the state it replaced");

    let bad = laoke(&db, &["backup", "restore", db.with_file_name("nothing.db").to_str().unwrap(), "--json"]);
    assert!(!bad.status.success());
    assert_eq!(json(&bad)["error"]["code"], "backup.not_an_archive");

    let schedule = json(&laoke(&db, &["backup", "schedule", "--keep", "1", "--json"]));
    assert_eq!((schedule["daily"].as_bool(), schedule["keep"].as_u64()), (Some(true), Some(1)));
    assert_eq!(json(&laoke(&db, &["backup", "list", "--json"]))["backups"].as_array().unwrap().len(), 1);
    let bad = laoke(&db, &["backup", "schedule", "--keep", "0", "--json"]);
    assert_eq!(json(&bad)["error"]["code"], "backup.keep_invalid");
}

#[test]
fn exports_of_a_segment_and_of_everything() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    laoke(&db, &["demo", "--customers", "120", "--as-of", AS_OF]);
    let loyal = json(&laoke(&db, &["customers", "--filter", "stage=loyal", "--limit", "1000", "--json"]));
    let total = loyal["total"].as_u64().unwrap();
    assert!(total > 0);

    let out = dir.path().join("loyal.xlsx");
    let report = json(&laoke(
        &db,
        &["export", "customers", "--filter", "stage=loyal", "--privacy", "--out", out.to_str().unwrap(), "--json"],
    ));
    assert_eq!(
        (report["rows"].as_u64(), report["format"].as_str(), report["privacy"].as_bool()),
        (Some(total), Some("xlsx"), Some(true))
    );
    assert!(out.metadata().unwrap().len() > 0);

    let orders = dir.path().join("orders.csv");
    let report =
        json(&laoke(&db, &["export", "orders", "--out", orders.to_str().unwrap(), "--lang", "en-US", "--json"]));
    let info = json(&laoke(&db, &["info", "--json"]));
    assert_eq!(report["rows"], info["counts"]["orders"]);
    let text = std::fs::read_to_string(&orders).unwrap();
    assert!(text.trim_start_matches('\u{feff}').starts_with("Order number,Platform,Shop,"));
    assert_eq!(text.lines().count() as u64, report["rows"].as_u64().unwrap() + 1);

    let bad = laoke(&db, &["export", "people", "--out", "x.csv", "--json"]);
    assert_eq!(json(&bad)["error"]["code"], "export.invalid_kind");
    let bad = laoke(&db, &["export", "orders", "--format", "pdf", "--out", "x.pdf", "--json"]);
    assert_eq!(json(&bad)["error"]["code"], "export.invalid_format");
}

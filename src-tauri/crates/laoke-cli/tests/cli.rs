//! The `laoke` binary's contract: JSON documents, error codes and exit codes.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn laoke(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laoke")).arg("--db").arg(db).args(args).env_remove("LAOKE_DB").output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is one JSON document ({e}): {out:?}"))
}

const AS_OF: &str = "2026-11-22T02:00:00Z";

#[test]
fn init_then_info_reports_an_empty_archive() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let out = laoke(&db, &["init", "--json"]);
    assert!(out.status.success());
    let info = json(&laoke(&db, &["info", "--json"]));
    assert_eq!(info["schema_version"], laoke_store::SCHEMA_VERSION);
    assert_eq!(info["path"], db.display().to_string());
    assert_eq!(info["counts"]["orders"], 0);
    assert_eq!(info["counts"]["customers"], 0);
}

#[test]
fn demo_is_deterministic_and_info_and_stats_agree_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let report = json(&laoke(&a, &["demo", "--customers", "1500", "--seed", "42", "--as-of", AS_OF, "--json"]));
    laoke(&b, &["demo", "--customers", "1500", "--seed", "42", "--as-of", AS_OF, "--json"]);
    assert_eq!(report["customers"], 1500);
    let orders = report["orders"].as_u64().unwrap();
    assert!(orders > 4_000 && orders < 6_500, "{orders}");

    let info = json(&laoke(&a, &["info", "--json"]));
    assert_eq!(info["counts"]["customers"], 1500);
    assert_eq!(info["counts"]["orders"], report["orders"]);
    assert_eq!(info["counts"]["order_items"], report["order_items"]);

    let stats_a = json(&laoke(&a, &["stats", "--json"]));
    let stats_b = json(&laoke(&b, &["stats", "--json"]));
    assert_eq!(stats_a, stats_b, "same seed and as-of, same shop");
    assert_eq!(stats_a["orders"], report["orders"]);
    assert!(stats_a["revenue"].is_string(), "money crosses as a Decimal string");
    assert_eq!(stats_a["repurchase_rate"].as_str().unwrap().split('.').nth(1).map(str::len), Some(4));
    assert_eq!(stats_a["aov"].as_str().unwrap().split('.').nth(1).map(str::len), Some(2));

    let page = json(&laoke(&a, &["customers", "--sort", "purchases:desc", "--limit", "3", "--json"]));
    assert_eq!(page["total"], 1500);
    let rows = page["customers"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    for field in [
        "id",
        "platform",
        "buyer_id",
        "nick",
        "purchases",
        "value",
        "first_purchase",
        "last_purchase",
        "stage",
        "rfm",
        "tier",
        "tags",
    ] {
        assert!(rows[0].get(field).is_some(), "row has {field}");
    }
    assert!(rows[0]["purchases"].as_u64() >= rows[2]["purchases"].as_u64());
}

#[test]
fn errors_carry_codes_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    laoke(&db, &["demo", "--customers", "50", "--as-of", AS_OF]);
    let again = laoke(&db, &["demo", "--customers", "50", "--json"]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(json(&again)["error"]["code"], "demo.not_empty");

    let bad = laoke(&dir.path().join("other.db"), &["demo", "--customers", "0", "--json"]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(json(&bad)["error"]["code"], "demo.customers_out_of_range");

    let text = laoke(&db, &["customers", "--sort", "shoe_size"]);
    assert_eq!(text.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&text.stderr).contains("customers.invalid_sort"));
    assert!(text.stdout.is_empty(), "without --json errors go to stderr");

    let usage = laoke(&db, &["frobnicate"]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn a_file_that_is_not_an_archive_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("orders.csv");
    std::fs::write(&db, "订单编号,买家会员名\n1,x\n").unwrap();
    let out = laoke(&db, &["info", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let code = json(&out)["error"]["code"].as_str().unwrap().to_owned();
    assert!(code == "db.open" || code == "db.migrate", "{code}");
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "订单编号,买家会员名\n1,x\n");
}

#[test]
fn settings_are_shown_changed_and_validated() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let shown = json(&laoke(&db, &["settings", "--json"]));
    assert_eq!(shown["timezone"], "Asia/Shanghai");
    assert_eq!(shown["currency"], "CNY");
    let changed =
        json(&laoke(&db, &["settings", "--set", "timezone=Europe/London", "--set", "language=en-US", "--json"]));
    assert_eq!(changed["timezone"], "Europe/London");
    assert_eq!(json(&laoke(&db, &["settings", "--json"]))["language"], "en-US");
    let bad = laoke(&db, &["settings", "--set", "currency=yuan", "--json"]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(json(&bad)["error"]["code"], "settings.currency_invalid");
    assert_eq!(json(&laoke(&db, &["settings", "--json"]))["currency"], "CNY", "nothing changed");
    assert_eq!(json(&laoke(&db, &["settings", "--json"]))["theme"], "system", "the OS decides by default");
    assert_eq!(json(&laoke(&db, &["settings", "--set", "theme=dark", "--json"]))["theme"], "dark");
    let bad = laoke(&db, &["settings", "--set", "theme=purple", "--json"]);
    assert_eq!(json(&bad)["error"]["code"], "settings.theme_invalid");
    assert_eq!(json(&laoke(&db, &["settings", "--json"]))["theme"], "dark");
}

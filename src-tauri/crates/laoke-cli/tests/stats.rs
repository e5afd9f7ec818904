//! `laoke stats` over a period and `laoke anomalies` on a fixture with a
//! planted spike and drop (tests/fixtures/stats, written by its generate.py):
//! the period's counts agree with the file itself, the planted days are
//! flagged, 双11 is an expected peak, and a reversed period is refused.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn laoke(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laoke")).arg("--db").arg(db).args(args).env_remove("LAOKE_DB").output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is one JSON document ({e}): {out:?}"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/stats").join(name)
}

fn planted_shop(dir: &Path) -> PathBuf {
    let db = dir.join("shop.db");
    let file = fixture("planted_spike.csv");
    let mapping = fixture("mapping.json");
    let out = laoke(&db, &["import", file.to_str().unwrap(), "--mapping", mapping.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{out:?}");
    db
}

/// The rows of the fixture dated within `from..=to` (the file's times are shop time).
fn rows_between(from: &str, to: &str) -> (usize, usize) {
    let text = std::fs::read_to_string(fixture("planted_spike.csv")).unwrap();
    let mut buyers = std::collections::HashSet::new();
    let mut rows = 0;
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let day = &f[2][..10];
        if (from..=to).contains(&day) {
            rows += 1;
            buyers.insert(f[1]);
        }
    }
    (rows, buyers.len())
}

/// Each buyer's first day in the fixture (its rows are in time order).
fn first_purchases() -> std::collections::HashMap<String, String> {
    let text = std::fs::read_to_string(fixture("planted_spike.csv")).unwrap();
    let mut first = std::collections::HashMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        first.entry(f[1].to_owned()).or_insert_with(|| f[2][..10].to_owned());
    }
    first
}

#[test]
fn a_period_counts_what_the_file_holds_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = planted_shop(dir.path());
    let out = laoke(&db, &["stats", "--from", "2025-10-01", "--to", "2025-10-31", "--platform", "generic", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let s = json(&out);
    let (rows, buyers) = rows_between("2025-10-01", "2025-10-31");
    assert_eq!(s["orders"], rows);
    assert_eq!(s["purchases"], rows);
    assert_eq!(s["buyers"], buyers);
    assert_eq!(s["revenue"], format!("{}.00", rows * 100));
    assert_eq!(s["aov"], "100.00");
    assert_eq!((s["from"].as_str(), s["to"].as_str()), (Some("2025-10-01"), Some("2025-10-31")));
    assert_eq!(s["monthly"].as_array().unwrap().len(), 1);
    // The buyers whose first row in the file is in October.
    let first_in_october = first_purchases().values().filter(|d| d.starts_with("2025-10")).count();
    assert!(first_in_october > 100);
    assert_eq!(s["new_buyers"], serde_json::json!([{"month": "2025-10", "buyers": first_in_october}]));
    assert!(s["churn"]["churned"].is_u64() && s["churn"]["cost"].is_string());
    // Another platform has nothing in it.
    let none = json(&laoke(&db, &["stats", "--platform", "taobao", "--json"]));
    assert_eq!((none["orders"].as_u64(), none["revenue"].as_str()), (Some(0), Some("0")));
}

#[test]
fn the_planted_days_are_flagged_and_double_11_is_expected() {
    let dir = tempfile::tempdir().unwrap();
    let db = planted_shop(dir.path());
    let out = laoke(&db, &["anomalies", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let a = json(&out);
    let flagged: std::collections::BTreeSet<(String, String)> = a["anomalies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["date"].as_str().unwrap().to_owned(), x["direction"].as_str().unwrap().to_owned()))
        .collect();
    let want: std::collections::BTreeSet<(String, String)> =
        [("2025-09-17", "low"), ("2025-10-15", "high")].iter().map(|(d, k)| (d.to_string(), k.to_string())).collect();
    assert_eq!(flagged, want, "{a}");
    let spike = a["anomalies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["date"] == "2025-10-15" && x["metric"] == "purchases")
        .unwrap()
        .clone();
    assert_eq!(spike["value"], "80");
    let high: f64 = spike["expected_high"].as_str().unwrap().parse().unwrap();
    let low: f64 = spike["expected_low"].as_str().unwrap().parse().unwrap();
    assert!(low < 20.0 && (22.0..40.0).contains(&high), "{spike}");
    let peaks = a["peaks"].as_array().unwrap();
    assert!(!peaks.is_empty() && peaks.iter().all(|p| p["date"] == "2025-11-11" && p["promotion"] == "double_11"));
    // A period keeps to its days.
    let october = json(&laoke(&db, &["anomalies", "--from", "2025-10-01", "--to", "2025-10-31", "--json"]));
    assert!(october["anomalies"].as_array().unwrap().iter().all(|x| x["date"] == "2025-10-15"));
    assert!(october["peaks"].as_array().unwrap().is_empty());
}

#[test]
fn a_reversed_or_impossible_period_is_refused_with_its_code() {
    let dir = tempfile::tempdir().unwrap();
    let db = planted_shop(dir.path());
    for (args, code) in [
        (["stats", "--from", "2025-10-31", "--to", "2025-10-01"], "stats.from_after_to"),
        (["anomalies", "--from", "2025-10-31", "--to", "2025-10-01"], "stats.from_after_to"),
        (["stats", "--from", "2025-02-30", "--to", "2025-10-01"], "stats.invalid_date"),
    ] {
        let out = laoke(&db, &[&args[..], &["--json"]].concat());
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        assert_eq!(json(&out)["error"]["code"], code);
    }
    let out = laoke(&db, &["stats", "--platform", "ebay", "--json"]);
    assert_eq!(json(&out)["error"]["code"], "shop.invalid_platform");
}

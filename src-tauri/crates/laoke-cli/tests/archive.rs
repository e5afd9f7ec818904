//! `laoke customers --filter/--segment/--sort`, `segments`, `stages` and `rfm`
//! on a demo shop: the contract of issue 4's commands. Stage-dependent numbers
//! are checked for consistency with each other (today moves with the clock).

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn laoke(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laoke")).arg("--db").arg(db).args(args).env_remove("LAOKE_DB").output().unwrap()
}

fn json(out: &Output) -> Value {
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is one JSON document ({e}): {out:?}"))
}

fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("shop.db");
    json(&laoke(&db, &["demo", "--customers", "1200", "--seed", "5", "--json"]));
    db
}

#[test]
fn every_customer_is_in_exactly_one_stage_and_filters_agree() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let stages = json(&laoke(&db, &["stages", "--json"]));
    assert!(stages["as_of"].as_str().unwrap().len() == 10);
    let counts = stages["stages"].as_object().unwrap();
    for s in ["potential", "new", "active", "loyal", "sleeping", "churned"] {
        assert!(counts.contains_key(s), "{s}");
    }
    assert_eq!(counts.values().map(|v| v.as_u64().unwrap()).sum::<u64>(), 1200);

    let loyal = json(&laoke(&db, &["customers", "--filter", "stage=loyal", "--limit", "500", "--json"]));
    assert_eq!(loyal["total"], counts["loyal"]);
    assert!(loyal["customers"].as_array().unwrap().iter().all(|c| c["stage"] == "loyal"));

    // Before the shop opened, everyone is potential.
    let early = json(&laoke(&db, &["stages", "--as-of", "2000-01-01", "--json"]));
    assert_eq!(early["as_of"], "2000-01-01");
    assert_eq!(early["stages"]["potential"], 1200);
}

#[test]
fn rows_carry_the_contract_fields_and_follow_sort_keys() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let page = json(&laoke(
        &db,
        &[
            "customers",
            "--filter",
            "value>=500",
            "--sort",
            "purchases:desc",
            "--sort",
            "value:asc",
            "--limit",
            "40",
            "--json",
        ],
    ));
    let rows = page["customers"].as_array().unwrap();
    assert!(!rows.is_empty());
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
        assert!(rows[0].get(field).is_some(), "row field {field}");
    }
    let key = |r: &Value| {
        (std::cmp::Reverse(r["purchases"].as_u64().unwrap()), r["value"].as_str().unwrap().parse::<f64>().unwrap())
    };
    assert!(rows.windows(2).all(|w| key(&w[0]) <= key(&w[1])), "purchases desc, then value asc");
    assert!(rows.iter().all(|r| r["value"].as_str().unwrap().parse::<f64>().unwrap() >= 500.0));
    assert!(rows.iter().all(|r| r["rfm"].is_string()), "buyers have an RFM group");
}

#[test]
fn segments_are_saved_counted_listed_and_used() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let saved = json(&laoke(
        &db,
        &["segments", "save", "大客户", "--filter", "value>=800", "--filter", "purchases>=4", "--any", "--json"],
    ));
    assert_eq!(saved["name"], "大客户");
    assert_eq!(saved["filter"]["match"], "any");
    let count = json(&laoke(&db, &["segments", "count", "大客户", "--json"]));
    let listed = json(&laoke(&db, &["customers", "--segment", "大客户", "--json"]));
    assert_eq!(count["customers"], listed["total"]);
    assert_eq!(count["of"], 1200);
    let by_hand = json(&laoke(
        &db,
        &["segments", "count", "--filter", "value>=800", "--filter", "purchases>=4", "--any", "--json"],
    ));
    assert_eq!(by_hand["customers"], count["customers"]);
    let list = json(&laoke(&db, &["segments", "list", "--json"]));
    assert_eq!(list["segments"][0]["name"], "大客户");
    assert_eq!(json(&laoke(&db, &["segments", "show", "大客户", "--json"]))["id"], saved["id"]);
    json(&laoke(&db, &["segments", "delete", "大客户", "--json"]));
    let gone = laoke(&db, &["segments", "show", "大客户", "--json"]);
    assert_eq!(gone.status.code(), Some(1));
    assert_eq!(serde_json::from_slice::<Value>(&gone.stdout).unwrap()["error"]["code"], "segment.not_found");
}

#[test]
fn bad_filters_sorts_and_thresholds_are_refused_with_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    for (args, code) in [
        (vec!["customers", "--filter", "colour=red"], "cli.filter_syntax"),
        (vec!["customers", "--filter", "value>=lots"], "filter.not_a_number"),
        (vec!["customers", "--sort", "shoe_size"], "customers.invalid_sort"),
        (vec!["stages", "--as-of", "22/11/2026"], "stages.invalid_date"),
        (vec!["stages", "--set", "churn_days=10"], "lifecycle.churn_not_after_active"),
        (vec!["settings", "--set", "colour=red"], "settings.unknown_key"),
        (vec!["settings", "--set", "timezone=Mars/Olympus"], "settings.timezone_invalid"),
    ] {
        let mut a = args.clone();
        a.push("--json");
        let out = laoke(&db, &a);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["error"]["code"], code, "{args:?}");
    }
}

#[test]
fn threshold_preview_saves_nothing_and_saving_moves_customers() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let before = json(&laoke(&db, &["stages", "--json"]));
    let preview = json(&laoke(&db, &["stages", "--set", "active_days=30", "--dry-run", "--json"]));
    assert_eq!(preview["current"], before["stages"]);
    let moved: u64 = preview["moves"].as_array().unwrap().iter().map(|m| m["customers"].as_u64().unwrap()).sum();
    assert!(moved > 0);
    assert_eq!(json(&laoke(&db, &["stages", "--json"]))["stages"], before["stages"], "dry run");
    let saved = json(&laoke(&db, &["stages", "--set", "active_days=30", "--json"]));
    assert_eq!(saved["stages"], preview["proposed"]);
    let rfm = json(&laoke(&db, &["rfm", "--json"]));
    assert_eq!(rfm["pareto"]["curve"].as_array().unwrap().len(), 101);
    let buyers: u64 = rfm["groups"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(buyers, rfm["pareto"]["buyers"].as_u64().unwrap());
}

/// `--limit` is honoured however large (the app's pages stop at 500; a script
/// counting over all customers must get all of them), and a reader that stops
/// early ends the command quietly.
#[test]
fn customers_lists_every_row_asked_for_and_a_closed_pipe_ends_it_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let all = json(&laoke(&db, &["customers", "--limit", "100000", "--json"]));
    let total = all["total"].as_u64().unwrap();
    assert!(total > 500, "{total}");
    assert_eq!(all["customers"].as_array().unwrap().len() as u64, total);
    let tail = json(&laoke(&db, &["customers", "--limit", "100000", "--offset", "500", "--json"]));
    assert_eq!(tail["customers"].as_array().unwrap().len() as u64, total - 500);
    assert_eq!(tail["customers"][0], all["customers"][500]);

    // `laoke customers --json | head -c 1`: far more than a pipe holds, read no further.
    let mut child = Command::new(env!("CARGO_BIN_EXE_laoke"))
        .arg("--db")
        .arg(&db)
        .args(["customers", "--limit", "100000", "--json"])
        .env_remove("LAOKE_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(&first, b"{");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{out:?}");
}

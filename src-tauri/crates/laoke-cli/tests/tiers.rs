//! `laoke tiers …` on a demo shop: the ladder file, preview = apply, history, pins, refusals.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn laoke(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laoke")).arg("--db").arg(db).args(args).env_remove("LAOKE_DB").output().unwrap()
}

fn json(out: &Output) -> Value {
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

const LADDER: &str = r#"{"window": "rolling_12m", "tiers": [
  {"name": "VIP1", "min_value": "100.00", "discount": "0.98", "benefits": "会员价"},
  {"name": "VIP2", "min_value": "500.00", "min_purchases": 2, "combine": "and", "discount": "0.95", "benefits": "包邮"},
  {"name": "VIP3", "min_value": "2000", "min_purchases": 8, "combine": "or", "discount": "0.9"}]}"#;

#[test]
fn preview_is_what_apply_produces_and_history_records_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    json(&laoke(&db, &["demo", "--customers", "1500", "--seed", "9", "--json"]));
    let file = dir.path().join("ladder.json");
    std::fs::write(&file, LADDER).unwrap();
    let ladder = file.to_str().unwrap();

    let before = json(&laoke(&db, &["tiers", "show", "--json"]));
    assert_eq!(before["applied"], false);
    let preview = json(&laoke(&db, &["tiers", "preview", "--ladder", ladder, "--json"]));
    let tiers = preview["tiers"].as_array().unwrap();
    assert_eq!(tiers.len(), 3);
    for field in ["name", "customers", "customers_now", "moved_up", "moved_down", "revenue_share", "discount_cost"] {
        assert!(tiers[0].get(field).is_some(), "{field}");
    }
    let sum: u64 =
        tiers.iter().map(|t| t["customers"].as_u64().unwrap()).sum::<u64>() + preview["no_tier"].as_u64().unwrap();
    assert_eq!(sum, 1500, "every customer is in one tier or none");
    assert!(tiers[2]["discount_cost"].as_str().unwrap().parse::<f64>().unwrap() > 0.0);
    assert_eq!(json(&laoke(&db, &["tiers", "show", "--json"]))["applied"], false, "preview saves nothing");

    json(&laoke(&db, &["tiers", "apply", "--ladder", ladder, "--json"]));
    let after = json(&laoke(&db, &["tiers", "show", "--json"]));
    for (shown, promised) in after["tiers"].as_array().unwrap().iter().zip(tiers) {
        assert_eq!(shown["customers"], promised["customers"], "{}", promised["name"]);
    }
    assert_eq!(after["no_tier"], preview["no_tier"]);

    let top = json(&laoke(&db, &["customers", "--filter", "tier=VIP3", "--limit", "1", "--json"]));
    assert_eq!(top["total"], tiers[2]["customers"]);
    let id = top["customers"][0]["id"].as_i64().unwrap().to_string();
    assert_eq!(top["customers"][0]["tier"], "VIP3");
    let history = json(&laoke(&db, &["tiers", "history", "--customer", &id, "--json"]));
    assert_eq!(history["changes"][0]["to"], "VIP3");
    assert_eq!(history["changes"][0]["reason"], "ladder");

    json(&laoke(&db, &["tiers", "pin", "--customer", &id, "--tier", "VIP1", "--json"]));
    json(&laoke(&db, &["tiers", "apply", "--ladder", ladder, "--json"]));
    let pinned = json(&laoke(&db, &["tiers", "history", "--customer", &id, "--json"]));
    assert_eq!(pinned["changes"].as_array().unwrap().last().unwrap()["reason"], "manual");
    assert_eq!(json(&laoke(&db, &["tiers", "show", "--json"]))["pinned"], 1);

    // A ladder whose higher tier discounts less is refused, with a code.
    std::fs::write(&file, LADDER.replace("\"0.9\"", "\"0.99\"")).unwrap();
    let out = laoke(&db, &["tiers", "preview", "--ladder", ladder, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["error"]["code"], "ladder.discount_not_deeper");
}

#[test]
fn movers_name_the_customers_a_preview_moves_and_history_lists_the_shop() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    json(&laoke(&db, &["demo", "--customers", "800", "--seed", "4", "--json"]));
    let file = dir.path().join("ladder.json");
    std::fs::write(&file, LADDER).unwrap();
    let ladder = file.to_str().unwrap();
    json(&laoke(&db, &["tiers", "apply", "--ladder", ladder, "--json"]));
    // Raising VIP2's entry value moves some VIP2 customers down to VIP1.
    std::fs::write(&file, LADDER.replace("\"500.00\"", "\"900.00\"")).unwrap();
    let preview = json(&laoke(&db, &["tiers", "preview", "--ladder", ladder, "--json"]));
    let down_into_vip1 = preview["tiers"][0]["moved_down"].as_u64().unwrap();
    assert!(down_into_vip1 > 0, "{preview}");
    let movers =
        json(&laoke(&db, &["tiers", "movers", "--ladder", ladder, "--direction", "down", "--tier", "VIP1", "--json"]));
    assert_eq!(movers["total"].as_u64().unwrap(), down_into_vip1);
    let listed = movers["customers"].as_array().unwrap();
    assert_eq!(listed.len() as u64, down_into_vip1.min(100));
    // More than the command lists is refused with its code, never cut silently.
    let over = laoke(&db, &["tiers", "movers", "--ladder", ladder, "--direction", "down", "--limit", "5000", "--json"]);
    assert_eq!(over.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_slice(&over.stdout).unwrap();
    assert_eq!(error["error"]["code"], "cli.limit_too_large");
    assert_eq!(error["error"]["details"]["max"], 1000);
    let values: Vec<f64> = listed.iter().map(|m| m["value"].as_str().unwrap().parse().unwrap()).collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "largest value first");
    for m in listed {
        assert_eq!((m["from"].as_str(), m["to"].as_str()), (Some("VIP2"), Some("VIP1")));
        let v: f64 = m["value"].as_str().unwrap().parse().unwrap();
        assert!((500.0..900.0).contains(&v) || m["purchases"].as_u64().unwrap() < 2, "{m}");
    }
    assert_eq!(
        json(&laoke(&db, &["tiers", "show", "--json"]))["tiers"][1]["customers"],
        preview["tiers"][1]["customers_now"]
    );

    let recent = json(&laoke(&db, &["tiers", "history", "--limit", "5", "--json"]));
    let changes = recent["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 5);
    for field in ["customer_id", "buyer_id", "nick", "from", "to", "on", "reason"] {
        assert!(changes[0].get(field).is_some(), "{field}");
    }
    assert_eq!(changes[0]["reason"], "ladder");
}

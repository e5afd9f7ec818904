//! `laoke activities` and `laoke coupons` end to end: the issue's file shapes and
//! JSON fields, suggestion saving nothing, results with ROI from imported
//! orders, estimates, and bad input refused with its code, changing nothing.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn laoke(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laoke")).arg("--db").arg(db).args(args).env_remove("LAOKE_DB").output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is one JSON document ({e}): {out:?}"))
}

const HEADER: &str =
    "订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,退款金额\n";

/// Two Taobao buyers: 小美 buys 128.00 the evening of the activity (12 March 2027)
/// and 50.00 ten days later (outside the 7 days); 阿强 300.00 two days after.
fn shop(dir: &Path) -> PathBuf {
    let db = dir.join("shop.db");
    let rows = [
        "4001,小美,128,交易成功,2027-03-12 20:30:00,2027-03-12 20:31:00,正山小种,1,0",
        "4002,阿强,300,交易成功,2027-03-14 10:00:00,2027-03-14 10:01:00,白毫银针,1,0",
        "4003,小美,50,交易成功,2027-03-22 10:00:00,2027-03-22 10:01:00,滇红,1,0",
    ];
    let file = dir.join("orders.csv");
    std::fs::write(&file, format!("{HEADER}{}\n", rows.join("\n"))).unwrap();
    let out = laoke(&db, &["import", file.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{out:?}");
    db
}

fn file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

const ACTIVITY: &str = r#"{"type": "guess_price", "title": "猜价格", "date": "2027-03-12", "slot_start": "20:00",
    "slot_end": "21:00", "groups": [], "budget": [{"label": "红包池", "amount": "88.00"}, {"label": "奖品", "amount": "12.00"}]}"#;

#[test]
fn an_activity_is_added_listed_and_its_results_give_roi() {
    let dir = tempfile::tempdir().unwrap();
    let db = shop(dir.path());
    let f = file(dir.path(), "a.json", ACTIVITY);
    let out = laoke(&db, &["activities", "add", "--activity", &f, "--json"]);
    assert!(out.status.success(), "{out:?}");
    let id = json(&out)["id"].as_i64().unwrap();
    let list = json(&laoke(&db, &["activities", "list", "--month", "2027-03", "--json"]));
    let a = &list[0];
    assert_eq!((a["id"].as_i64(), a["total"].as_str()), (Some(id), Some("100.00")));
    assert_eq!(a["activity"]["type"], "guess_price");
    assert_eq!(a["steps"][0]["kind"], "pre_announce");
    assert_eq!(a["steps"][0]["due"], "2027-03-09T20:00:00");
    assert!(json(&laoke(&db, &["activities", "list", "--month", "2027-04", "--json"])).as_array().unwrap().is_empty());
    // Everyone's purchases from 20:00 on the 12th to the end of the 19th: 128.00 + 300.00.
    let out =
        laoke(&db, &["activities", "results", &id.to_string(), "--participants", "35", "--new-members", "4", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let r = json(&out);
    assert_eq!(
        (r["cost"].as_str(), r["orders"].as_u64(), r["revenue"].as_str()),
        (Some("100.00"), Some(2), Some("428.00"))
    );
    assert_eq!(r["roi"], "3.2800");
    // Negative counts: refused with their code, nothing changed.
    let out = laoke(&db, &["activities", "results", &id.to_string(), "--participants", "-5", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["error"]["code"], "activity.negative_count");
    let list = json(&laoke(&db, &["activities", "list", "--month", "2027-03", "--json"]));
    assert_eq!(list[0]["results"]["participants"], 35);
}

#[test]
fn a_suggested_month_keeps_its_shape_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = shop(dir.path());
    let out = laoke(&db, &["activities", "suggest", "--month", "2027-11", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let s = json(&out);
    let list = s["activities"].as_array().unwrap();
    assert_eq!(list.len(), 2, "the default cadence: {s}");
    for a in list {
        for field in ["type", "title", "date", "slot_start", "slot_end", "budget", "why", "clashes"] {
            assert!(a.get(field).is_some(), "{field} in {a}");
        }
        assert_ne!(a["date"], "2027-11-11");
        assert!(a["budget"][0]["amount"].is_string(), "money as a Decimal string");
    }
    assert!(list.iter().any(|a| a["why"][0]["kind"] == "return_period"), "{s}");
    assert!(json(&laoke(&db, &["activities", "list", "--month", "2027-11", "--json"])).as_array().unwrap().is_empty());
    let out = laoke(&db, &["activities", "suggest", "--month", "2027-13", "--json"]);
    assert_eq!(json(&out)["error"]["code"], "activity.month_invalid");
}

#[test]
fn bad_activity_files_are_refused_with_their_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = shop(dir.path());
    let cases = [
        (r#""type": "guess_price""#, r#""type": "karaoke""#, "activity.unknown_type"),
        (r#""slot_end": "21:00""#, r#""slot_end": "19:00""#, "activity.slot_reversed"),
        (r#""amount": "88.00""#, r#""amount": "-88.00""#, "activity.budget_negative"),
        (r#""amount": "88.00""#, r#""amount": "八十八""#, "activity.budget_not_a_number"),
        (r#""date": "2027-03-12""#, r#""date": "2027-02-29""#, "activity.date_invalid"),
    ];
    for (from, to, code) in cases {
        let f = file(dir.path(), "bad.json", &ACTIVITY.replace(from, to));
        let out = laoke(&db, &["activities", "add", "--activity", &f, "--json"]);
        assert_eq!(out.status.code(), Some(1), "{code}");
        assert_eq!(json(&out)["error"]["code"], code);
    }
    for month in ["2027-02", "2027-03"] {
        assert!(json(&laoke(&db, &["activities", "list", "--month", month, "--json"])).as_array().unwrap().is_empty());
    }
}

const PLAN: &str = r#"{"name": "老客回馈", "kind": "amount_off", "threshold": "199.00", "amount": "20.00",
    "discount": null, "quantity": 500, "valid_from": "2027-03-01", "valid_to": "2027-03-31", "target": null}"#;

#[test]
fn coupon_plans_are_estimated_added_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = shop(dir.path());
    let f = file(dir.path(), "plan.json", PLAN);
    let out = laoke(&db, &["coupons", "estimate", "--plan", &f, "--json"]);
    assert!(out.status.success(), "{out:?}");
    let e = json(&out);
    // 2 customers → 2 coupons; 8 % (4–15 %) of 2 × 20.00.
    assert_eq!((e["target_size"].as_u64(), e["expected_redemptions"].as_u64()), (Some(2), Some(0)));
    assert_eq!(
        (e["redemption_rate"].as_str(), e["cost_low"].as_str(), e["cost_expected"].as_str(), e["cost_high"].as_str()),
        (Some("0.0800"), Some("1.60"), Some("0.00"), Some("6.00"))
    );
    assert!(json(&laoke(&db, &["coupons", "list", "--json"])).as_array().unwrap().is_empty(), "estimate saves nothing");
    let out = laoke(&db, &["coupons", "add", "--plan", &f, "--json"]);
    assert!(out.status.success(), "{out:?}");
    let id = json(&out)["id"].as_i64().unwrap();
    let list = json(&laoke(&db, &["coupons", "list", "--json"]));
    assert_eq!((list[0]["id"].as_i64(), list[0]["offer"].as_str()), (Some(id), Some("满199减20")));
    // 阿强's 300.00 is the one purchase of March at or above 199.
    let r = json(&laoke(&db, &["coupons", "results", &id.to_string(), "--redeemed", "1", "--json"]));
    assert_eq!(
        (r["cost"].as_str(), r["orders"].as_u64(), r["revenue"].as_str(), r["roi"].as_str()),
        (Some("20.00"), Some(1), Some("300.00"), Some("14.0000"))
    );
    let cases = [
        (r#""amount": "20.00""#, r#""amount": "250.00""#, "coupon.amount_exceeds_threshold"),
        (r#""valid_to": "2027-03-31""#, r#""valid_to": "2027-02-01""#, "coupon.validity_reversed"),
        (r#""target": null"#, r#""target": {"segment": "没有"}"#, "coupon.unknown_segment"),
    ];
    for (from, to, code) in cases {
        let f = file(dir.path(), "bad.json", &PLAN.replace(from, to));
        let out = laoke(&db, &["coupons", "add", "--plan", &f, "--json"]);
        assert_eq!(json(&out)["error"]["code"], code);
    }
    assert_eq!(json(&laoke(&db, &["coupons", "list", "--json"])).as_array().unwrap().len(), 1);
}

/// The WooCommerce fixture: Alice's #1008 (27 Oct 2024, 94.90) used the coupons
/// AUTUMN10 and vip5 (15.00 off in all).
#[test]
fn coupon_results_are_matched_in_an_export_that_names_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("woo.db");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/import/woocommerce_webtoffee.csv");
    let out = laoke(&db, &["import", fixture.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{out:?}");
    let plan = r#"{"name": "Autumn", "kind": "amount_off", "threshold": "50.00", "amount": "10.00", "quantity": 100,
        "valid_from": "2024-10-01", "valid_to": "2024-10-31", "target": null, "code": "autumn10"}"#;
    let f = file(dir.path(), "plan.json", plan);
    let id = json(&laoke(&db, &["coupons", "add", "--plan", &f, "--json"]))["id"].as_i64().unwrap();
    let list = json(&laoke(&db, &["coupons", "list", "--json"]));
    assert_eq!((list[0]["matched"]["redeemed"].as_u64(), list[0]["results"].is_null()), (Some(1), true));
    let out = laoke(&db, &["coupons", "results", &id.to_string(), "--from-orders", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let r = json(&out);
    // The order's 15.00 off is what the coupons cost; (94.90 − 15.00) / 15.00 = 5.3267.
    assert_eq!(
        (r["redeemed"].as_u64(), r["cost"].as_str(), r["revenue"].as_str(), r["roi"].as_str()),
        (Some(1), Some("15.00"), Some("94.90"), Some("5.3267"))
    );
    assert_eq!((r["source"].as_str(), r["by_code"].as_u64()), (Some("orders"), Some(1)));
    let list = json(&laoke(&db, &["coupons", "list", "--json"]));
    assert_eq!(list[0]["results"]["source"].as_str(), Some("orders"));
    // Either a count or --from-orders, not both.
    let out = laoke(&db, &["coupons", "results", &id.to_string(), "--from-orders", "--redeemed", "3", "--json"]);
    assert!(!out.status.success());
}

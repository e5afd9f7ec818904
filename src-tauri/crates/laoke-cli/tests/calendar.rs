//! `laoke calendar`: the festival calendar's JSON contract (one array of
//! festivals), checked against the published festival table, the statutory
//! days with `--holidays`, and the coded refusal of a year out of range.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn laoke(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laoke")).arg("--db").arg(db).args(args).env_remove("LAOKE_DB").output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is one JSON document ({e}): {out:?}"))
}

/// (key, date) of a festival in the output.
fn has(list: &[Value], key: &str, date: &str) -> bool {
    list.iter().any(|f| f["key"] == key && f["date"] == date)
}

#[test]
fn a_year_lists_the_published_festivals_and_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never.db");
    let out = laoke(&db, &["calendar", "--year", "2026", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let doc = json(&out);
    let list = doc.as_array().expect("a top-level array");

    // Every 2026 row of tests/data/calendar/festivals_2020_2027.csv, with its name and kind.
    let table = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/data/calendar/festivals_2020_2027.csv"),
    )
    .unwrap();
    let mut rows = 0;
    for line in table.lines().skip(1).filter(|l| l.starts_with("2026,")) {
        let cols: Vec<&str> = line.splitn(6, ',').collect();
        let (key, name_zh, kind, date) = (cols[1], cols[2], cols[3], cols[4]);
        let f = list.iter().find(|f| f["key"] == key && f["date"] == date).unwrap_or_else(|| panic!("{line}"));
        assert_eq!((f["name_zh"].as_str(), f["kind"].as_str()), (Some(name_zh), Some(kind)), "{line}");
        assert!(f["name_en"].as_str().is_some_and(|n| !n.is_empty()), "{line}");
        rows += 1;
    }
    assert_eq!(rows, 21);
    assert!(has(list, "thanksgiving", "2026-11-26"));
    assert!(has(list, "easter", "2026-04-05"));
    let p618 = list.iter().find(|f| f["key"] == "618").unwrap();
    assert_eq!(
        (&p618["date"], &p618["start"], p618.get("end")),
        (&Value::from("2026-06-18"), &Value::from("2026-06-01"), None)
    );
    let dates: Vec<&str> = list.iter().map(|f| f["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "in date order");
    assert!(!db.exists(), "the calendar opens no archive");

    let text = laoke(&db, &["calendar", "--year", "2026"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.lines().any(|l| l.starts_with("2026-04-05") && l.contains("清明节") && l.contains("Qingming")),
        "{text}"
    );
    assert_eq!(text.lines().count(), list.len());
}

#[test]
fn holidays_list_the_statutory_days_of_the_year() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never.db");
    let doc = json(&laoke(&db, &["calendar", "--year", "2026", "--holidays", "--json"]));
    let days = doc.as_array().unwrap();
    assert_eq!(days.len(), 39, "the 2026 rows of the statutory table");
    let day = |date: &str| days.iter().find(|d| d["date"] == date).cloned().unwrap_or(Value::Null);
    assert_eq!(
        day("2026-10-01"),
        serde_json::json!({"date": "2026-10-01", "kind": "holiday_off", "name_zh": "国庆节"})
    );
    assert_eq!(day("2026-10-10")["kind"], "makeup_workday");
    assert_eq!(day("2026-10-08"), Value::Null, "an ordinary workday is not listed");

    let later = json(&laoke(&db, &["calendar", "--year", "2030", "--holidays", "--json"]));
    assert_eq!(later, serde_json::json!([]), "no notice for 2030 yet");
}

#[test]
fn a_year_out_of_range_is_refused_with_its_code() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never.db");
    for args in [&["calendar", "--year", "2100", "--json"][..], &["calendar", "--year", "1900", "--holidays", "--json"]]
    {
        let out = laoke(&db, args);
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let err = &json(&out)["error"];
        assert_eq!(err["code"], "calendar.year_out_of_range");
        assert_eq!((&err["details"]["min"], &err["details"]["max"]), (&Value::from(1901), &Value::from(2099)));
    }
    let out = laoke(&db, &["calendar", "--year", "2100"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("calendar.year_out_of_range"));
    let usage = laoke(&db, &["calendar", "--json"]);
    assert_eq!(usage.status.code(), Some(2), "--year is required");
}

#[test]
fn the_shops_own_dates_are_listed_and_can_be_named_by_a_festival_rule() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let dates = dir.path().join("dates.json");
    std::fs::write(
        &dates,
        r#"[{"key": "shop_birthday", "name": "店庆", "month": 3, "day": 18, "year": null, "lunar": false},
            {"key": "member_day", "name": "会员日", "month": 8, "day": 8, "year": null, "lunar": true}]"#,
    )
    .unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_laoke"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("LAOKE_DB")
            .output()
            .unwrap()
    };
    assert!(run(&["care", "dates", "--set", dates.to_str().unwrap(), "--json"]).status.success());
    let out = run(&["calendar", "--year", "2026", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let shop: Vec<(&str, &str, &str)> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "shop")
        .map(|f| (f["key"].as_str().unwrap(), f["date"].as_str().unwrap(), f["name_zh"].as_str().unwrap()))
        .collect();
    // Lunar 8/8 of 2026 is 2026-09-18 (the day 中秋, 8/15, is 2026-09-25, seven days on).
    assert_eq!(shop, vec![("shop_birthday", "2026-03-18", "店庆"), ("member_day", "2026-09-18", "会员日")]);
    let taken = dir.path().join("taken.json");
    std::fs::write(&taken, r#"[{"key": "chuxi", "name": "x", "month": 1, "day": 1, "year": null, "lunar": false}]"#)
        .unwrap();
    let out = run(&["care", "dates", "--set", taken.to_str().unwrap(), "--json"]);
    let err: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(err["error"]["code"], "calendar.shop_date_key_taken");
}

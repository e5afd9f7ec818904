//! `laoke predict` on the CDNOW sample of the BG/NBD paper, imported as a
//! generic order file: the fit reproduces the published estimates through the
//! whole path (import, purchase days in shop time, calibration end, weeks), and
//! bad requests are refused with their codes.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn laoke(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laoke")).arg("--db").arg(db).args(args).env_remove("LAOKE_DB").output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is one JSON document ({e}): {out:?}"))
}

/// CDNOW as an order export: one order per row (same-day rows of a customer are
/// one transaction to the model), dates without a time.
fn cdnow_shop(dir: &Path) -> PathBuf {
    let raw = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/data/cdnow/CDNOW_sample.txt"),
    )
    .unwrap();
    let mut csv = String::from("order,customer,date,amount\n");
    for (i, line) in raw.lines().enumerate() {
        let f: Vec<&str> = line.split_whitespace().collect();
        csv.push_str(&format!("{},c{},{},{}\n", i + 1, f[1], f[2], f[4]));
    }
    let file = dir.join("cdnow.csv");
    std::fs::write(&file, csv).unwrap();
    let mapping = dir.join("mapping.json");
    std::fs::write(
        &mapping,
        r#"{"columns": {"order_id": "order", "buyer_id": "customer", "created_at": "date", "amount": "amount"},
            "date_format": "%Y%m%d"}"#,
    )
    .unwrap();
    let db = dir.join("cdnow.db");
    let out = laoke(&db, &["import", file.to_str().unwrap(), "--mapping", mapping.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{out:?}");
    db
}

#[test]
fn cdnow_through_the_archive_gives_the_papers_estimates() {
    let dir = tempfile::tempdir().unwrap();
    let db = cdnow_shop(dir.path());
    let out = laoke(&db, &["predict", "--as-of", "1997-09-30", "--unit", "week", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let p = json(&out);
    let m = &p["model"];
    let close = |k: &str, want: f64| ((m[k].as_f64().unwrap() - want) / want).abs() <= 0.01;
    for (k, want) in
        [("r", 0.243), ("alpha", 4.414), ("a", 0.793), ("b", 2.426), ("p", 6.25), ("q", 3.74), ("gamma", 15.44)]
    {
        assert!(close(k, want), "{k}: {m}");
    }
    assert!((m["ll"].as_f64().unwrap() + 9582.4).abs() < 0.5, "{m}");
    assert_eq!(
        (m["reliable"].as_bool(), m["customers"].as_u64(), m["repeat_buyers"].as_u64()),
        (Some(true), Some(2357), Some(946))
    );
    let customers = p["customers"].as_array().unwrap();
    assert_eq!(customers.len(), 2357);
    // The paper's customer 1 (x = 2, t_x = 30.43, T = 38.86 weeks).
    let one = customers.iter().find(|c| c["buyer_id"] == "c0001").unwrap();
    assert_eq!((one["x"].as_u64(), one["t_x"].as_f64(), one["T"].as_f64()), (Some(2), Some(30.4286), Some(38.8571)));
    assert!((one["p_alive"].as_f64().unwrap() - 0.7266).abs() < 0.01, "{one}");
    for c in customers {
        let p_alive = c["p_alive"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&p_alive) && c["expected_90d"].as_f64().unwrap() >= 0.0, "{c}");
        assert!(c["clv"].as_str().unwrap().parse::<f64>().unwrap() >= 0.0, "{c}");
    }
}

#[test]
fn bad_requests_are_refused_with_their_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = cdnow_shop(dir.path());
    let cases: [(&[&str], &str); 4] = [
        (&["--horizon", "0"], "predict.horizon_out_of_range"),
        (&["--horizon", "4000"], "predict.horizon_out_of_range"),
        (&["--as-of", "1996-12-31"], "predict.as_of_before_first_purchase"),
        (&["--unit", "month"], "predict.unknown_unit"),
    ];
    for (args, code) in cases {
        let mut all = vec!["predict"];
        all.extend_from_slice(args);
        all.push("--json");
        let out = laoke(&db, &all);
        assert!(!out.status.success());
        assert_eq!(json(&out)["error"]["code"], code, "{args:?}");
    }
    let out = laoke(&db, &["predict", "--as-of", "30/09/1997", "--json"]);
    assert_eq!(json(&out)["error"]["code"], "predict.invalid_date");
}

/// Cohorts of the same data, against figures computed independently (Python,
/// Decimal, from the raw file): purchases are the orders worth more than zero.
#[test]
fn stats_give_the_cohorts_new_buyers_and_pareto() {
    let dir = tempfile::tempdir().unwrap();
    let db = cdnow_shop(dir.path());
    let s = json(&laoke(&db, &["stats", "--json"]));
    assert_eq!(s["buyers"], 2349, "eight customers only ever bought for $0.00");
    let cohorts = s["cohorts"].as_array().unwrap();
    let got: Vec<(&str, u64, usize, Vec<&str>)> = cohorts
        .iter()
        .map(|c| {
            let r = c["retention"].as_array().unwrap();
            (
                c["month"].as_str().unwrap(),
                c["buyers"].as_u64().unwrap(),
                r.len(),
                r[..3].iter().map(|v| v.as_str().unwrap()).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("1997-01", 777, 17, vec!["0.1596", "0.1223", "0.0901"]),
            ("1997-02", 854, 16, vec!["0.1569", "0.1288", "0.0878"]),
            ("1997-03", 718, 15, vec!["0.1212", "0.1170", "0.1086"]),
        ]
    );
    let new: u64 = s["new_buyers"].as_array().unwrap().iter().map(|m| m["buyers"].as_u64().unwrap()).sum();
    assert_eq!(new, 2349);
    assert_eq!(s["pareto"]["buyers"], 2349);
    assert_eq!(s["pareto"]["curve"].as_array().unwrap().len(), 101);
}

//! `laoke import --shop`, `laoke stats --shop` and `laoke shops` on one seller's
//! three Shopify stores (tests/fixtures/import/shopify_store_*.csv), whose order
//! numbers all start at #1001.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn laoke(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laoke")).arg("--db").arg(db).args(args).env_remove("LAOKE_DB").output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is one JSON document ({e}): {out:?}"))
}

fn store(name: &str) -> String {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/import")
        .join(format!("shopify_store_{name}.csv"));
    path.to_str().unwrap().to_owned()
}

/// The error a failed command printed with `--json`, after checking it failed.
fn error(out: &Output) -> Value {
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    json(out)["error"].clone()
}

#[test]
fn each_store_imports_into_its_shop_and_figures_follow_the_shop() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shops.db");
    let (north, south, outlet) = (store("north"), store("south"), store("outlet"));

    let r = json(&laoke(&db, &["import", &north, "--shop", "North", "--json"]));
    assert_eq!(
        (r["files"][0]["orders_new"].as_u64(), r["files"][0]["shops"].clone()),
        (Some(5), serde_json::json!(["North"]))
    );
    // Without --shop, the platform's only shop: South's #1001–#1004 are other orders than North's.
    let e = error(&laoke(&db, &["import", &south, "--json"]));
    assert_eq!(e["code"], "import.other_shop");
    assert_eq!((e["details"]["shop"].as_str(), e["details"]["conflicts"].as_u64()), (Some("North"), Some(4)));
    let r = json(&laoke(&db, &["import", &south, "--shop", "South", "--json"]));
    assert_eq!(r["files"][0]["orders_new"], 4, "the same numbers in another shop are other orders");
    // Two Shopify shops: a file without a shop column needs --shop.
    let e = error(&laoke(&db, &["import", &north, "--json"]));
    assert_eq!(e["code"], "import.shop_required");
    assert_eq!(
        (e["details"]["platform"].as_str(), e["details"]["shops"].clone()),
        (Some("shopify"), serde_json::json!(["North", "South"]))
    );
    let text = laoke(&db, &["import", &north]);
    assert!(String::from_utf8_lossy(&text.stderr).contains("[import.shop_required]"), "{text:?}");

    // Allowed in anyway, South's rows are rejected one by one, each naming the stored order.
    let r = json(&laoke(&db, &["import", &south, "--shop", "North", "--allow-conflicts", "--json"]));
    let f = &r["files"][0];
    assert_eq!((f["conflicts"].as_u64(), f["orders_new"].as_u64()), (Some(4), Some(0)));
    let first = &f["rejected"][0];
    assert_eq!(first["code"], "row.order_conflict");
    assert_eq!(first["row"], 2);
    assert_eq!(first["params"]["buyer"], "ava.north@example.com");
    assert_eq!(first["params"]["created_at"], "2025-03-01T15:00:00Z");
    assert_eq!(first["params"]["file_buyer"], "eli.south@example.com");
    let text = String::from_utf8_lossy(&laoke(&db, &["import", &south, "--shop", "North", "--allow-conflicts"]).stdout)
        .into_owned();
    assert!(text.contains("4 rows are other orders") && text.contains("--shop NAME"), "{text}");

    let stats = |shop: &str| json(&laoke(&db, &["stats", "--shop", shop, "--json"]));
    assert_eq!((stats("North")["orders"].as_u64(), stats("South")["orders"].as_u64()), (Some(5), Some(4)));
    assert_eq!(json(&laoke(&db, &["stats", "--json"]))["orders"], 9);
    assert_eq!(error(&laoke(&db, &["stats", "--shop", "West", "--json"]))["code"], "shop.not_found");

    // Cash on delivery: counted once shipped, until the shop is told not to.
    let r = json(&laoke(&db, &["import", &outlet, "--shop", "Outlet", "--json"]));
    assert_eq!(r["files"][0]["cod_counted"], 2);
    assert_eq!((stats("Outlet")["purchases"].as_u64(), stats("Outlet")["revenue"].as_str()), (Some(3), Some("45.00")));
    let set = json(&laoke(&db, &["shops", "set", "Outlet", "--count-cod", "false", "--json"]));
    assert_eq!((set["name"].as_str(), set["count_cod"].as_bool()), (Some("Outlet"), Some(false)));
    assert_eq!((stats("Outlet")["purchases"].as_u64(), stats("Outlet")["revenue"].as_str()), (Some(1), Some("18.00")));

    let shops = json(&laoke(&db, &["shops", "--json"]));
    let listed: Vec<(String, u64, u64, bool)> = shops["shops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_owned(),
                s["orders"].as_u64().unwrap(),
                s["customers"].as_u64().unwrap(),
                s["count_cod"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(listed, [("North".into(), 5, 4, true), ("South".into(), 4, 4, true), ("Outlet".into(), 6, 4, false)]);
    let renamed = json(&laoke(&db, &["shops", "set", "South", "--rename", "Southside", "--json"]));
    assert_eq!(renamed["name"], "Southside");
    assert_eq!(
        error(&laoke(&db, &["shops", "set", "Southside", "--rename", "North", "--json"]))["code"],
        "shop.name_taken"
    );
    assert_eq!(error(&laoke(&db, &["shops", "set", "Nowhere", "--json"]))["code"], "shop.not_found");
}

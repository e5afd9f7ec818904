//! `laoke import` on real files: the UCI Online Retail data set through a column
//! mapping (totals checked against an independent computation), re-import
//! idempotence, dry runs, and backups.

use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn laoke(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laoke")).arg("--db").arg(db).args(args).env_remove("LAOKE_DB").output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is one JSON document ({e}): {out:?}"))
}

/// The public data sets the tests use (tests/data, with their licences).
fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/data")
}

const UCI_MAPPING: &str = r#"{"columns": {"order_id": "InvoiceNo", "item_title": "Description", "quantity": "Quantity",
  "created_at": "InvoiceDate", "unit_price": "UnitPrice", "buyer_id": "CustomerID"}}"#;

#[test]
fn the_uci_online_retail_file_imports_with_the_right_totals() {
    let gz = data().join("online_retail/online_retail_2010-12_2011-12.csv.gz");
    let mut csv = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&gz).expect("tests/data/online_retail is in the repository"))
        .read_to_end(&mut csv)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("online_retail.csv");
    std::fs::write(&file, &csv).unwrap();
    let mapping = dir.path().join("mapping.json");
    std::fs::write(&mapping, UCI_MAPPING).unwrap();
    let db = dir.path().join("uci.db");
    let file_arg = file.to_str().unwrap();
    let mapping_arg = mapping.to_str().unwrap();

    assert!(laoke(&db, &["settings", "--set", "timezone=Europe/London"]).status.success());
    let report = json(&laoke(&db, &["import", file_arg, "--mapping", mapping_arg, "--json"]));
    let f = &report["files"][0];
    assert_eq!(f["format"], "generic");
    assert_eq!(f["encoding"], "utf-8");
    assert_eq!(f["rows"], 541_909);
    assert_eq!(f["orders_new"], 25_900, "each invoice is an order");
    assert_eq!(f["customers_new"], 4_372, "17850.0-style ids are one customer each");
    assert_eq!(f["no_identity"], 3_710, "invoices without CustomerID still count");
    assert_eq!(f["rejected"].as_array().unwrap().len(), 0);

    // Reference figures computed independently (Python, Decimal) from the same file:
    // 19,960 invoices with a positive value are purchases, 3,838 negative ones (the C…
    // cancellations) are refund documents subtracted from revenue.
    let stats = json(&laoke(&db, &["stats", "--json"]));
    assert_eq!(stats["orders"], 25_900);
    assert_eq!(stats["purchases"], 19_960);
    assert_eq!(stats["customers"], 4_372);
    assert_eq!(stats["buyers"], 4_338);
    assert_eq!(stats["revenue"], "9747747.934");
    assert_eq!(stats["aov"], "534.40");
    assert_eq!(stats["repurchase_rate"], "0.6558");
    assert_eq!(stats["first_order"], "2010-12-01T08:26:00Z");

    let again = json(&laoke(&db, &["import", file_arg, "--mapping", mapping_arg, "--json"]));
    let g = &again["files"][0];
    assert_eq!(
        (g["orders_new"].as_u64(), g["orders_updated"].as_u64(), g["orders_unchanged"].as_u64()),
        (Some(0), Some(0), Some(25_900))
    );
    assert_eq!(json(&laoke(&db, &["stats", "--json"])), stats, "re-importing changes nothing");

    let backups = json(&laoke(&db, &["backup", "list", "--json"]));
    assert_eq!(backups["backups"].as_array().unwrap().len(), 2, "one backup before each import");
}

#[test]
fn dry_run_strict_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let file = dir.path().join("ExportOrderList.csv");
    let text = "订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,宝贝标题\n\
        =\"1\",tb_a,10.00,交易成功,2026-10-01 10:00:00,2026-10-01 10:00:09,茶\n\
        =\"2\",tb_b,x,交易成功,2026-10-01 10:00:00,,茶\n";
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    std::fs::write(&file, gbk).unwrap();
    let f = file.to_str().unwrap();

    let dry = json(&laoke(&db, &["import", f, "--dry-run", "--json"]));
    assert_eq!(dry["files"][0]["orders_new"], 1);
    assert_eq!(dry["files"][0]["encoding"], "gb18030");
    assert_eq!(dry["files"][0]["rejected"][0]["row"], 3);
    assert_eq!(dry["files"][0]["rejected"][0]["column"], "买家实际支付金额");
    assert_eq!(json(&laoke(&db, &["info", "--json"]))["counts"]["orders"], 0);

    let strict = laoke(&db, &["import", f, "--strict", "--json"]);
    assert_eq!(strict.status.code(), Some(1));
    assert_eq!(json(&strict)["error"]["code"], "import.strict");
    assert_eq!(json(&laoke(&db, &["info", "--json"]))["counts"]["orders"], 0);

    let unknown = dir.path().join("notes.csv");
    std::fs::write(&unknown, "a,b\n1,2\n").unwrap();
    let out = laoke(&db, &["import", unknown.to_str().unwrap(), "--json"]);
    assert_eq!(json(&out)["error"]["code"], "import.unknown_format");
    assert_eq!(json(&out)["error"]["details"]["file"], unknown.to_str().unwrap());

    let ok = json(&laoke(&db, &["import", f, "--json"]));
    assert_eq!(ok["files"][0]["orders_new"], 1);
    assert_eq!(laoke(&db, &["import", "--format", "nonsense", f]).status.code(), Some(1));
}

/// A GBK export with one damaged byte: refused with its line, byte offset and the readable part of
/// the line, nothing imported; with `--replace-undecodable` imported, the row listed as replaced.
#[test]
fn a_damaged_byte_is_placed_and_can_be_replaced() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/import/broken/damaged_gbk.csv");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let file = fixture.to_str().unwrap();
    let refused = laoke(&db, &["import", file, "--json"]);
    assert_eq!(refused.status.code(), Some(1));
    let error = &json(&refused)["error"];
    assert_eq!(error["code"], "import.undecodable");
    assert_eq!((error["details"]["line"].as_u64(), error["details"]["byte"].as_u64()), (Some(3), Some(1142)));
    assert_eq!(error["details"]["encoding"], "gb18030");
    assert!(error["details"]["before"].as_str().unwrap().ends_with(','), "{error}");
    assert_eq!(json(&laoke(&db, &["stats", "--json"]))["orders"], 0, "nothing was imported");

    let done = json(&laoke(&db, &["import", file, "--replace-undecodable", "--json"]));
    let report = &done["files"][0];
    assert_eq!(report["orders_new"], 3);
    let replaced = report["replaced"].as_array().unwrap();
    assert_eq!(replaced.len(), 1, "{report}");
    assert_eq!((replaced[0]["row"].as_u64(), replaced[0]["code"].as_str()), (Some(3), Some("row.bytes_replaced")));
    assert_eq!(report["rejected"].as_array().unwrap().len(), 0);
}

/// Past the part of the file read to tell its encoding, a damaged byte is placed exactly too.
#[test]
fn a_damaged_byte_deep_in_a_large_file_names_its_line() {
    let (gbk, _, _) = encoding_rs::GB18030.encode("订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间\n");
    let mut bytes = gbk.into_owned();
    let mut damaged_at = 0;
    for i in 1..=3000u32 {
        if i == 2400 {
            damaged_at = bytes.len() + 5; // the lead byte of 买, after "2400,"
        }
        let row = format!("{:04},买家{i},10.00,交易成功,2026-01-01 10:00:00\n", i);
        bytes.extend_from_slice(&encoding_rs::GB18030.encode(&row).0);
    }
    bytes[damaged_at] = 0xFF; // no GB18030 character starts with FF
    assert!(damaged_at > 64 << 10, "beyond the sniffed head");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("large.csv");
    std::fs::write(&file, &bytes).unwrap();
    let out =
        laoke(&dir.path().join("l.db"), &["import", file.to_str().unwrap(), "--format", "taobao_orders", "--json"]);
    let error = &json(&out)["error"];
    assert_eq!(error["code"], "import.undecodable", "{error}");
    assert_eq!(error["details"]["line"], 2401, "the header is line 1");
    assert_eq!(error["details"]["byte"].as_u64(), Some(damaged_at as u64));
    assert_eq!(error["details"]["before"], "2400,");
}

//! Replays every input the fuzzer (fuzz/, `make fuzz`) ever crashed on, kept in
//! tests/fixtures/fuzz/<target>/, through the same entry point as its target, on the
//! stable toolchain with the normal tests. Each input must give the outcome
//! tests/fixtures/fuzz/expect.json names for it (`ok` or the error's code) and never
//! panic: undoing a fix makes its input fail here again.

use laoke_core::activity;
use laoke_core::care::{self, template::Template};
use laoke_core::dto::ActivitySettings;
use laoke_core::import::{ColumnMapping, Event, ImportError, ImportFile, ImportFormat, ImportOptions};
use laoke_core::segment::{self, Condition, Context, Filter};
use laoke_core::tier::TierLadder;
use laoke_core::ErrorCode;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Cursor;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/fuzz")
}

/// `ok`, or the code of the error the entry point answered with.
fn outcome<T, E: ErrorCode>(r: Result<T, E>) -> String {
    r.map_or_else(|e| e.code().to_owned(), |_| "ok".to_owned())
}

/// A file read to its end as the app reads it: on undecodable bytes, again with them replaced.
fn import(data: &[u8], format: Option<ImportFormat>, mapping: Option<ColumnMapping>) -> String {
    let read = |replace_undecodable| -> Result<(), ImportError> {
        let opts = ImportOptions { format, mapping: mapping.clone(), replace_undecodable };
        let file =
            ImportFile::open(Box::new(Cursor::new(data.to_vec())), "fuzz.csv", &opts, chrono_tz::Asia::Shanghai)?;
        for event in file {
            if let Event::Rejected(r) | Event::Replaced(r) = event? {
                assert!(r.code.starts_with("row.") || r.code.starts_with("shop."), "{r:?}");
            }
        }
        Ok(())
    };
    match read(false) {
        Err(ImportError::Undecodable { .. }) => outcome(read(true)),
        other => outcome(other),
    }
}

fn text(data: &[u8]) -> &str {
    std::str::from_utf8(data).expect("a text fixture")
}

/// The entry point of fuzz target `target`, as fuzz/src drives it.
fn replay(target: &str, data: &[u8]) -> String {
    let format = |f| import(data, Some(f), None);
    match target {
        "import_detect" | "import_sheet" => import(data, None, None),
        "import_taobao" => [format(ImportFormat::TaobaoOrders), format(ImportFormat::TaobaoItems)].join(" "),
        "import_pinduoduo" => format(ImportFormat::Pinduoduo),
        "import_jd" => format(ImportFormat::Jd),
        "import_douyin" => format(ImportFormat::Douyin),
        "import_shopify" => format(ImportFormat::Shopify),
        "import_woocommerce" => format(ImportFormat::Woocommerce),
        "import_etsy" => [format(ImportFormat::EtsyOrders), format(ImportFormat::EtsyItems)].join(" "),
        "import_generic" => {
            let split = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
            let mapping = serde_json::from_slice(&data[..split]).ok();
            import(data.get(split + 1..).unwrap_or_default(), Some(ImportFormat::Generic), mapping)
        }
        "template" => outcome(Template::parse(text(data)).map(|t| t.render(|v| <&str>::from(v).to_owned()))),
        "ladder" => outcome(serde_json::from_slice::<TierLadder>(data).expect("a ladder file").validate()),
        "segment" => {
            let filter: Filter = serde_json::from_slice(data).expect("a filter");
            let (tags, shops) = (HashMap::new(), HashMap::new());
            let bought = |_: &Condition| HashSet::new();
            let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
            let ctx = Context { today, tz: chrono_tz::Asia::Shanghai, tags: &tags, shops: &shops, bought: &bought };
            outcome(segment::compile(&filter, &ctx))
        }
        "care_rule" => outcome(care::parse(text(data)).and_then(|r| care::check(&r, &[]))),
        "activity" => {
            let checked = activity::parse(text(data)).and_then(|a| {
                activity::check(&a, &activity::builtin_types(), &ActivitySettings::default())?;
                activity::steps_due(&a);
                Ok(a)
            });
            outcome(checked)
        }
        other => panic!("no fuzz target {other:?}"),
    }
}

#[test]
fn every_fuzz_crash_replays_to_its_outcome() {
    let expect: BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(root().join("expect.json")).unwrap()).unwrap();
    let mut seen = Vec::new();
    for target in std::fs::read_dir(root()).unwrap() {
        let target = target.unwrap().path();
        if !target.is_dir() {
            continue;
        }
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        for input in std::fs::read_dir(&target).unwrap() {
            let input = input.unwrap().path();
            let key = format!("{name}/{}", input.file_name().unwrap().to_string_lossy());
            let want = expect.get(&key).unwrap_or_else(|| panic!("{key} has no outcome in expect.json"));
            assert_eq!(&replay(&name, &std::fs::read(&input).unwrap()), want, "{key}");
            seen.push(key);
        }
    }
    seen.sort();
    assert_eq!(seen, expect.keys().cloned().collect::<Vec<_>>(), "expect.json names a missing input");
}

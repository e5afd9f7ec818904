//! Import targets: a file's bytes through `ImportFile` (encoding and format detection,
//! every platform's row reader, the generic column mapper, xlsx/xls through calamine)
//! to the end, every event checked: orders, coded rejections (`row.*`) or a coded
//! file error (`import.*`).

use crate::assert_coded;
use laoke_core::import::{ColumnMapping, Event, ImportError, ImportFile, ImportFormat, ImportOptions};
use std::io::Cursor;

/// Every code a rejected row can carry: its own, or a shop name's.
const ROW_CODES: &[&str] = &["row.", "shop."];

/// Opens `data` as the app does (format given or detected; on undecodable bytes, again
/// with them replaced, as the seller is offered) and reads every event.
pub fn read(data: &[u8], format: Option<ImportFormat>, mapping: Option<ColumnMapping>) {
    crate::abort_only_uncaught_panics();
    let mut opts = ImportOptions { format, mapping, replace_undecodable: false };
    if let Err(ImportError::Undecodable { .. }) = read_all(data, &opts) {
        opts.replace_undecodable = true;
        let _ = read_all(data, &opts);
    }
}

fn read_all(data: &[u8], opts: &ImportOptions) -> Result<(), ImportError> {
    let tz = chrono_tz::Asia::Shanghai;
    let file = ImportFile::open(Box::new(Cursor::new(data.to_vec())), "fuzz.csv", opts, tz);
    let mut file = file.inspect_err(|e| assert_coded(e, &["import."]))?;
    for event in file.by_ref() {
        match event {
            Ok(Event::Rejected(r) | Event::Replaced(r)) => {
                assert!(ROW_CODES.iter().any(|p| r.code.starts_with(p)), "uncoded rejection {r:?}");
            }
            Ok(Event::Order(_) | Event::Lines(_)) => {}
            Err(e) => {
                assert_coded(&e, &["import."]);
                return Err(e);
            }
        }
    }
    Ok(())
}

/// Auto-detection, plus the mapping editor's sample of the same bytes.
pub fn detect(data: &[u8]) {
    crate::abort_only_uncaught_panics();
    read(data, None, None);
    if let Err(e) = laoke_core::import::sample(Box::new(Cursor::new(data.to_vec())), "fuzz.csv", 5) {
        assert_coded(&e, &["import."]);
    }
}

/// The generic mapper: the first line is the column mapping's JSON (as `--mapping`
/// gives it), the rest the file. A first line that is no mapping imports unmapped.
pub fn generic(data: &[u8]) {
    let split = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let mapping = serde_json::from_slice::<ColumnMapping>(&data[..split]).ok();
    let file = data.get(split + 1..).unwrap_or_default();
    read(file, Some(ImportFormat::Generic), mapping);
}

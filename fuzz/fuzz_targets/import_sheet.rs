//! Fuzz target `import_sheet`: xlsx/xls workbooks (calamine) as export files; seeded with the workbook fixtures.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| laoke_fuzz::import::detect(data));

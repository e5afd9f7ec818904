//! Fuzz target `import_detect`: any bytes as an export file, its encoding and format detected (and the mapping editor's sample).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| laoke_fuzz::import::detect(data));

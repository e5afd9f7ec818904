//! Fuzz target `import_generic`: a column mapping (first line, JSON) and a file read through it.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| laoke_fuzz::import::generic(data));

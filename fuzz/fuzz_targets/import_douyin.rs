//! Fuzz target `import_douyin`: bytes read as a Douyin export.
#![no_main]

use laoke_core::import::ImportFormat;

libfuzzer_sys::fuzz_target!(|data: &[u8]| laoke_fuzz::import::read(data, Some(ImportFormat::Douyin), None));

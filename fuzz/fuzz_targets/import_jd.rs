//! Fuzz target `import_jd`: bytes read as a JD export.
#![no_main]

use laoke_core::import::ImportFormat;

libfuzzer_sys::fuzz_target!(|data: &[u8]| laoke_fuzz::import::read(data, Some(ImportFormat::Jd), None));

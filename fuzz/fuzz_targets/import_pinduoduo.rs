//! Fuzz target `import_pinduoduo`: bytes read as a Pinduoduo export.
#![no_main]

use laoke_core::import::ImportFormat;

libfuzzer_sys::fuzz_target!(|data: &[u8]| laoke_fuzz::import::read(data, Some(ImportFormat::Pinduoduo), None));

//! Fuzz target `import_shopify`: bytes read as a Shopify export.
#![no_main]

use laoke_core::import::ImportFormat;

libfuzzer_sys::fuzz_target!(|data: &[u8]| laoke_fuzz::import::read(data, Some(ImportFormat::Shopify), None));

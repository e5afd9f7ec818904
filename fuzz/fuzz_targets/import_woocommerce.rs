//! Fuzz target `import_woocommerce`: bytes read as a WooCommerce export.
#![no_main]

use laoke_core::import::ImportFormat;

libfuzzer_sys::fuzz_target!(|data: &[u8]| laoke_fuzz::import::read(data, Some(ImportFormat::Woocommerce), None));

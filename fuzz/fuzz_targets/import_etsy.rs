//! Fuzz target `import_etsy`: bytes read as an Etsy orders export and as its order-items export.
#![no_main]

use laoke_core::import::ImportFormat;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    laoke_fuzz::import::read(data, Some(ImportFormat::EtsyOrders), None);
    laoke_fuzz::import::read(data, Some(ImportFormat::EtsyItems), None);
});

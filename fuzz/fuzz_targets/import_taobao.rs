//! Fuzz target `import_taobao`: bytes read as a Taobao/Tmall order report and as its item report.
#![no_main]

use laoke_core::import::ImportFormat;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    laoke_fuzz::import::read(data, Some(ImportFormat::TaobaoOrders), None);
    laoke_fuzz::import::read(data, Some(ImportFormat::TaobaoItems), None);
});

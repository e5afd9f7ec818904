//! Fuzz target `template`: a message template, as a care template and as an announcement.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| laoke_fuzz::documents::template(data));

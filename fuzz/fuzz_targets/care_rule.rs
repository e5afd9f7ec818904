//! Fuzz target `care_rule`: a care rule file, read, checked and rendered.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| laoke_fuzz::documents::care_rule(data));

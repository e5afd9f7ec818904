//! Fuzz target `activity`: an activity file, read, checked and planned.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| laoke_fuzz::documents::activity(data));

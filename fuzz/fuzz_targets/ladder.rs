//! Fuzz target `ladder`: a tier ladder file, read and validated.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| laoke_fuzz::documents::ladder(data));

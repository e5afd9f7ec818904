//! Fuzz target `segment`: a segment filter, read, compiled and matched.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| laoke_fuzz::documents::segment(data));

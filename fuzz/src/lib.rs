//! What the fuzz targets drive: each function feeds arbitrary bytes to one public
//! entry point of `laoke-core` exactly as the app and the CLI do, and panics when the
//! answer is neither a value nor a coded error. A panic inside the core is a crash
//! too, so libFuzzer reports both. Kept in one library so the targets stay one line.

pub mod documents;
pub mod import;

use laoke_core::ErrorCode;

/// Fails unless `e` carries a code of the family `prefix` (`import.`, `ladder.`…) and
/// its message and details can be made (the UI words the code from the details).
pub fn assert_coded(e: &dyn ErrorCode, prefixes: &[&str]) {
    let code = e.code();
    assert!(prefixes.iter().any(|p| code.starts_with(p)), "uncoded error {code:?}: {e}");
    let _ = e.to_string();
    let _ = e.details();
}

/// libfuzzer-sys aborts on any panic, even one the core catches on purpose (calamine's
/// readers are run under `catch_unwind`, their panics refused as a damaged workbook).
/// This hook only prints: a panic that reaches the target still aborts there, a crash.
pub fn abort_only_uncaught_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|info| eprintln!("{info}"))));
}

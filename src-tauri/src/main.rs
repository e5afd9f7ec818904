//! The desktop app's entry point. On Windows release builds, no console window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

// Imports decode on one thread and free on another; glibc's malloc serializes
// that on its arena locks, mimalloc does not (see laoke-cli's main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    laoke_app_lib::run();
}

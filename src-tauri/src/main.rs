//! The desktop app's entry point. On Windows release builds, no console window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    laoke_app_lib::run();
}

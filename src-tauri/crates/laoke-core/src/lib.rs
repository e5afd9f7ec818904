//! Laoke's domain: what an order, a purchase and a customer's value mean, the
//! synthetic demo shop, and the DTOs that cross the IPC boundary.
//!
//! This crate is pure on purpose. It knows nothing of SQLite, tokio or Tauri, and
//! it never reads the clock: every rule that depends on "now" takes it as an
//! argument, so the rules can be tested at any instant (a leap day, midnight in
//! Asia/Shanghai) and the CLI, the app and the tests all agree.

pub mod archive;
pub mod birthday;
pub mod demo;
pub mod dto;
pub mod error;
pub mod import;
pub mod lifecycle;
pub mod order_status;
pub mod platform;
pub mod revision;
pub mod rfm;
pub mod segment;
pub mod shop;
pub mod stats;
pub mod tier;
pub mod time;

pub use error::{ErrorCode, ErrorDto};
pub use order_status::OrderStatus;
pub use platform::Platform;

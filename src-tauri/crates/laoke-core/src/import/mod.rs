//! Order import: from an export file's bytes to normalized orders, with a
//! reason for every row that cannot be used. Pure: the caller opens the file,
//! passes the shop's time zone, and hands the orders to the store.

pub mod cells;
mod error;
pub mod source;

pub use error::ImportError;

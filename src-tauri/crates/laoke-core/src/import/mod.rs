//! Order import: from an export file's bytes to normalized orders, with a
//! reason for every row that cannot be used. Pure: the caller opens the file,
//! passes the shop's time zone, and hands the orders to the store.

pub mod cells;
mod draft;
mod error;
mod file;
pub mod formats;
pub mod line;
mod rejection;
pub mod source;
pub mod status;

pub use draft::{assemble, OrderDraft};
pub use error::ImportError;
pub use file::{sample, Event, ImportFile, ImportOptions, OrderLines};
pub use formats::{ColumnMapping, ImportFormat, MappedField};
pub use line::{ImportedOrder, Line};
pub use rejection::{Rejection, RowProblem};

//! The data that crosses the IPC boundary (and the CLI's `--json` output).
//! Every type derives `ts_rs::TS`; `cargo test` writes their TypeScript twins to
//! `ui/src/bindings/`. Money is `Decimal` and crosses as a string; counts are
//! plain JSON numbers.

mod customer;
mod demo;
mod event;
mod import;
mod info;
mod order;
mod settings;
mod stats;

pub use customer::{CustomerPage, CustomerQuery, CustomerRow, CustomerSort};
pub use demo::{DemoProgress, DemoReport, DemoRequest};
pub use event::{DataChanged, DataTag};
pub use import::{
    FileReport, ImportBatch, ImportPreview, ImportProgress, ImportReport, ImportRequest, MappingPreset, PreviewOrder,
};
pub use info::{DbInfo, RowCounts};
pub use order::{OrderLineView, OrderView};
pub use settings::Settings;
pub use stats::{Dashboard, MonthlyPoint, PlatformCount, ShopStats};

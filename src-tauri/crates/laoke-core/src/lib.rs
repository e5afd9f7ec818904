//! Laoke's domain: what an order, a purchase and a customer's value mean, the
//! synthetic demo shop, and the DTOs that cross the IPC boundary.
//!
//! This crate is pure on purpose. It knows nothing of SQLite, tokio or Tauri, and
//! it never reads the clock: every rule that depends on "now" takes it as an
//! argument, so the rules can be tested at any instant (a leap day, midnight in
//! Asia/Shanghai) and the CLI, the app and the tests all agree.

pub mod activity;
pub mod archive;
pub mod birthday;
pub mod care;
pub mod coupon;
pub mod demo;
pub mod dto;
pub mod error;
pub mod export;
pub mod festival;
pub mod file_cause;
pub mod import;
pub mod lifecycle;
pub mod order_status;
pub mod platform;
pub mod predict;
pub mod privacy;
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

/// The closed vocabularies (platforms, statuses, stages, RFM groups, sort fields, order kinds) are
/// spelled once, by the variant's name in snake case: serde for IPC and JSON, strum for the archive's
/// text and the command line. Their `ALL` lists, which give the order a seller reads them in, name
/// every variant once.
#[cfg(test)]
mod spellings {
    use serde::Serialize;
    use strum::VariantArray;

    fn same<T>(all: &[T])
    where
        T: VariantArray + PartialEq + std::fmt::Debug + Serialize + Copy + Into<&'static str>,
    {
        let mut sorted: Vec<&'static str> = all.iter().map(|v| (*v).into()).collect();
        let mut variants: Vec<&'static str> = T::VARIANTS.iter().map(|v| (*v).into()).collect();
        sorted.sort_unstable();
        variants.sort_unstable();
        assert_eq!(sorted, variants, "ALL names every variant once");
        for v in all {
            let text: &'static str = (*v).into();
            assert_eq!(serde_json::to_value(v).unwrap(), text, "serde and strum spell {v:?} alike");
        }
    }

    #[test]
    fn every_vocabulary_is_spelled_once() {
        same(&crate::Platform::ALL);
        same(&crate::OrderStatus::ALL);
        same(&crate::lifecycle::Stage::ALL);
        same(&crate::rfm::RfmGroup::ALL);
        same(&crate::segment::SortField::ALL);
        same(&crate::dto::FestivalKind::ALL);
        same(&crate::dto::DayKind::ALL);
        assert_eq!("refund_document".parse(), Ok(crate::archive::OrderKind::RefundDocument));
    }
}

//! The export formats Laoke reads: how each is recognized by its header, and
//! how its rows become [`Line`]s. Adding a platform means adding a module here
//! with its `MARKERS` and a reader, and a line in the tables below.

mod columns;
mod douyin;
mod etsy;
mod generic;
mod jd;
mod pinduoduo;
mod shopify;
mod taobao;
mod taobao_items;
mod woocommerce;

pub use generic::{ColumnMapping, MappedField};

use super::error::ImportError;
use super::line::{Line, Rejection};
use super::source::Record;
use crate::Platform;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use ts_rs::TS;

/// An export format the importer reads. Adding one is a module (its columns and its
/// `RowReader`) and a line in [`REGISTRY`] (plus its name here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum ImportFormat {
    TaobaoOrders,
    TaobaoItems,
    Pinduoduo,
    Jd,
    Douyin,
    Shopify,
    Woocommerce,
    EtsyOrders,
    EtsyItems,
    Generic,
}

/// Binds a format's row reader to a file's header.
type Bind = fn(&columns::Columns<'_>, &Binding<'_>) -> Result<Box<dyn RowReader>, ImportError>;

/// What the importer knows of a format: whose orders it holds, the columns that
/// recognize it in a header, and how to bind a reader to a header.
struct Registered {
    format: ImportFormat,
    platform: Platform,
    markers: &'static [&'static str],
    bind: Bind,
}

/// A reader of a format bound by its module's `bind(columns, tz)`.
macro_rules! reader {
    ($t:ty) => {
        |c, b| Ok(Box::new(<$t>::bind(c, b.tz)?) as Box<dyn RowReader>)
    };
}

/// Every format, in the order detection breaks ties (an order report before its item report).
const REGISTRY: [Registered; 10] = [
    Registered {
        format: ImportFormat::TaobaoOrders,
        platform: Platform::Taobao,
        markers: taobao::MARKERS,
        bind: reader!(taobao::Orders),
    },
    Registered {
        format: ImportFormat::TaobaoItems,
        platform: Platform::Taobao,
        markers: taobao_items::MARKERS,
        bind: reader!(taobao_items::Items),
    },
    Registered {
        format: ImportFormat::Pinduoduo,
        platform: Platform::Pinduoduo,
        markers: pinduoduo::MARKERS,
        bind: reader!(pinduoduo::Orders),
    },
    Registered { format: ImportFormat::Jd, platform: Platform::Jd, markers: jd::MARKERS, bind: reader!(jd::Orders) },
    Registered {
        format: ImportFormat::Douyin,
        platform: Platform::Douyin,
        markers: douyin::MARKERS,
        bind: reader!(douyin::Orders),
    },
    Registered {
        format: ImportFormat::Shopify,
        platform: Platform::Shopify,
        markers: shopify::MARKERS,
        bind: reader!(shopify::Orders),
    },
    Registered {
        format: ImportFormat::Woocommerce,
        platform: Platform::Woocommerce,
        markers: woocommerce::MARKERS,
        bind: reader!(woocommerce::Orders),
    },
    Registered {
        format: ImportFormat::EtsyOrders,
        platform: Platform::Etsy,
        markers: etsy::ORDER_MARKERS,
        bind: reader!(etsy::Orders),
    },
    Registered {
        format: ImportFormat::EtsyItems,
        platform: Platform::Etsy,
        markers: etsy::ITEM_MARKERS,
        bind: reader!(etsy::Items),
    },
    Registered { format: ImportFormat::Generic, platform: Platform::Generic, markers: &[], bind: generic::bind },
];

impl ImportFormat {
    pub const ALL: [ImportFormat; 10] = {
        let mut all = [ImportFormat::Generic; 10];
        let mut i = 0;
        while i < REGISTRY.len() {
            all[i] = REGISTRY[i].format;
            i += 1;
        }
        all
    };

    fn registered(self) -> &'static Registered {
        // Every variant has its line: `every_format_is_registered_once` checks it.
        REGISTRY.iter().find(|r| r.format == self).unwrap_or(&REGISTRY[REGISTRY.len() - 1])
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The platform whose orders and buyers the format holds.
    pub fn platform(self) -> Platform {
        self.registered().platform
    }

    /// Whether the file only adds lines to orders another report holds.
    pub fn items_only(self) -> bool {
        self == ImportFormat::TaobaoItems
    }

    fn markers(self) -> &'static [&'static str] {
        self.registered().markers
    }
}

impl FromStr for ImportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ImportFormat::ALL.into_iter().find(|f| f.as_str() == s).ok_or_else(|| {
            let known: Vec<_> = ImportFormat::ALL.iter().map(|f| f.as_str()).collect();
            format!("unknown format {s:?}; use auto or one of {}", known.join(", "))
        })
    }
}

/// Reads the rows of one bound file.
pub trait RowReader: Send {
    fn read(&self, rec: &Record) -> Result<Line, Rejection>;
}

/// The format whose marker columns the header carries most (at least three), if
/// any. Markers rather than a full column list, so that a file missing one
/// required column is still recognized and told which column it lacks.
pub fn detect(headers: &[String]) -> Option<ImportFormat> {
    let score = |f: ImportFormat| f.markers().iter().filter(|m| headers.iter().any(|h| h == *m)).count();
    let (best, hits) = ImportFormat::ALL.into_iter().map(|f| (f, score(f))).max_by_key(|&(_, s)| s)?;
    // A 宝贝报表 shares no marker with an order report but 订单状态/订单编号, so an
    // order report's markers win when both are present.
    (hits >= 3).then_some(best)
}

/// Everything a reader needs besides the header.
pub struct Binding<'a> {
    pub file: &'a str,
    pub headers: &'a [String],
    pub tz: Tz,
    pub mapping: Option<&'a ColumnMapping>,
}

/// A reader for `format` over this header, or the column it lacks.
pub fn bind(format: ImportFormat, b: &Binding<'_>) -> Result<Box<dyn RowReader>, ImportError> {
    let cols = columns::Columns { headers: b.headers, file: b.file, format: format.as_str() };
    (format.registered().bind)(&cols, b)
}

#[cfg(test)]
mod registry_tests {
    use super::*;

    #[test]
    fn every_format_is_registered_once() {
        for f in ImportFormat::ALL {
            assert_eq!(REGISTRY.iter().filter(|r| r.format == f).count(), 1, "{f:?}");
            assert_eq!(f.as_str().parse(), Ok(f));
            assert_eq!(serde_json::to_value(f).unwrap(), f.as_str());
        }
        let distinct: std::collections::HashSet<_> = ImportFormat::ALL.into_iter().collect();
        assert_eq!(distinct.len(), ImportFormat::ALL.len());
    }
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
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

impl ImportFormat {
    pub const ALL: [ImportFormat; 10] = [
        ImportFormat::TaobaoOrders,
        ImportFormat::TaobaoItems,
        ImportFormat::Pinduoduo,
        ImportFormat::Jd,
        ImportFormat::Douyin,
        ImportFormat::Shopify,
        ImportFormat::Woocommerce,
        ImportFormat::EtsyOrders,
        ImportFormat::EtsyItems,
        ImportFormat::Generic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ImportFormat::TaobaoOrders => "taobao_orders",
            ImportFormat::TaobaoItems => "taobao_items",
            ImportFormat::Pinduoduo => "pinduoduo",
            ImportFormat::Jd => "jd",
            ImportFormat::Douyin => "douyin",
            ImportFormat::Shopify => "shopify",
            ImportFormat::Woocommerce => "woocommerce",
            ImportFormat::EtsyOrders => "etsy_orders",
            ImportFormat::EtsyItems => "etsy_items",
            ImportFormat::Generic => "generic",
        }
    }

    /// The platform whose orders and buyers the format holds.
    pub fn platform(self) -> Platform {
        match self {
            ImportFormat::TaobaoOrders | ImportFormat::TaobaoItems => Platform::Taobao,
            ImportFormat::Pinduoduo => Platform::Pinduoduo,
            ImportFormat::Jd => Platform::Jd,
            ImportFormat::Douyin => Platform::Douyin,
            ImportFormat::Shopify => Platform::Shopify,
            ImportFormat::Woocommerce => Platform::Woocommerce,
            ImportFormat::EtsyOrders | ImportFormat::EtsyItems => Platform::Etsy,
            ImportFormat::Generic => Platform::Generic,
        }
    }

    /// Whether the file only adds lines to orders another report holds.
    pub fn items_only(self) -> bool {
        self == ImportFormat::TaobaoItems
    }

    fn markers(self) -> &'static [&'static str] {
        match self {
            ImportFormat::TaobaoOrders => taobao::MARKERS,
            ImportFormat::TaobaoItems => taobao_items::MARKERS,
            ImportFormat::Pinduoduo => pinduoduo::MARKERS,
            ImportFormat::Jd => jd::MARKERS,
            ImportFormat::Douyin => douyin::MARKERS,
            ImportFormat::Shopify => shopify::MARKERS,
            ImportFormat::Woocommerce => woocommerce::MARKERS,
            ImportFormat::EtsyOrders => etsy::ORDER_MARKERS,
            ImportFormat::EtsyItems => etsy::ITEM_MARKERS,
            ImportFormat::Generic => &[],
        }
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
    let tz = b.tz;
    Ok(match format {
        ImportFormat::TaobaoOrders => Box::new(taobao::Orders::bind(&cols, tz)?),
        ImportFormat::TaobaoItems => Box::new(taobao_items::Items::bind(&cols, tz)?),
        ImportFormat::Pinduoduo => Box::new(pinduoduo::Orders::bind(&cols, tz)?),
        ImportFormat::Jd => Box::new(jd::Orders::bind(&cols, tz)?),
        ImportFormat::Douyin => Box::new(douyin::Orders::bind(&cols, tz)?),
        ImportFormat::Shopify => Box::new(shopify::Orders::bind(&cols, tz)?),
        ImportFormat::Woocommerce => Box::new(woocommerce::Orders::bind(&cols, tz)?),
        ImportFormat::EtsyOrders => Box::new(etsy::Orders::bind(&cols, tz)?),
        ImportFormat::EtsyItems => Box::new(etsy::Items::bind(&cols, tz)?),
        ImportFormat::Generic => {
            let mapping = b.mapping.ok_or_else(|| ImportError::InvalidMapping {
                file: b.file.to_owned(),
                reason: "a generic file needs a column mapping".into(),
            })?;
            Box::new(generic::Mapped::bind(&cols, mapping, tz)?)
        }
    })
}

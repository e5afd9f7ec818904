//! The shop platforms whose exports Laoke reads. A customer is one buyer
//! identity *per platform*, so the platform is part of every identity key.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    TS,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Platform {
    Taobao,
    Tmall,
    Pinduoduo,
    Jd,
    Douyin,
    Shopify,
    Woocommerce,
    Etsy,
    /// Any other CSV/XLSX imported through a column mapping.
    Generic,
}

impl Platform {
    pub const ALL: [Platform; 9] = [
        Platform::Taobao,
        Platform::Tmall,
        Platform::Pinduoduo,
        Platform::Jd,
        Platform::Douyin,
        Platform::Shopify,
        Platform::Woocommerce,
        Platform::Etsy,
        Platform::Generic,
    ];

    /// The identifier stored in the database and used on the command line.
    pub fn as_str(self) -> &'static str {
        // The spelling is strum's snake case of the variant, as serde's is.
        self.into()
    }

    /// Whether the platform numbers orders across all its shops, so that an order
    /// number is one order whichever of a seller's shops there holds it (a Taobao
    /// 订单编号). Shopify, WooCommerce and Etsy stores number their own orders (every
    /// Shopify store starts at `#1001`), and a generic export's numbers are anyone's.
    pub fn numbers_orders_platform_wide(self) -> bool {
        match self {
            Platform::Taobao | Platform::Tmall | Platform::Pinduoduo | Platform::Jd | Platform::Douyin => true,
            Platform::Shopify | Platform::Woocommerce | Platform::Etsy | Platform::Generic => false,
        }
    }

    /// Chinese marketplaces: buyers have Chinese nicks, addresses and masked phones.
    pub fn is_chinese(self) -> bool {
        matches!(self, Platform::Taobao | Platform::Tmall | Platform::Pinduoduo | Platform::Jd | Platform::Douyin)
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("unknown platform `{0}`")]
pub struct UnknownPlatform(pub String);

impl FromStr for Platform {
    type Err = UnknownPlatform;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Platform::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownPlatform(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_platform_round_trips_through_its_name() {
        for p in Platform::ALL {
            assert_eq!(p.as_str().parse::<Platform>(), Ok(p));
            assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{}\"", p.as_str()));
        }
        assert_eq!(" Shopify ".parse::<Platform>(), Ok(Platform::Shopify));
        assert!("amazon".parse::<Platform>().is_err());
    }
}

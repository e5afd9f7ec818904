//! The shop-wide settings the user edits.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Settings {
    pub shop_name: String,
    /// IANA time zone that decides calendar days (default Asia/Shanghai).
    pub timezone: String,
    /// ISO 4217 code used to display money.
    pub currency: String,
    /// `zh-CN`, `en-US`, or none to follow the system language.
    pub language: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            shop_name: String::new(),
            timezone: crate::time::DEFAULT_TIMEZONE.name().to_owned(),
            currency: "CNY".to_owned(),
            language: None,
        }
    }
}

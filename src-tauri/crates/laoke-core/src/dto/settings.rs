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
    /// Light or dark, or as the operating system says (the default).
    #[serde(default)]
    pub theme: Theme,
}

/// The app's colours: the operating system's light/dark setting, or one chosen in Settings.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS, strum::EnumString, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            shop_name: String::new(),
            timezone: crate::time::DEFAULT_TIMEZONE.name().to_owned(),
            currency: "CNY".to_owned(),
            language: None,
            theme: Theme::System,
        }
    }
}

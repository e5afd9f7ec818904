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
    /// Quiet hours, caps and the SMS signature of care messages.
    #[serde(default)]
    pub care: super::CareSettings,
    /// The shop's own mail server for care email (the password is kept in the OS keychain).
    #[serde(default)]
    pub smtp: SmtpSettings,
}

/// How to reach the shop's mail server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub user: String,
    /// The sender address (`老客茶铺 <shop@example.com>` or a bare address).
    pub from: String,
}

impl Default for SmtpSettings {
    fn default() -> Self {
        SmtpSettings {
            host: String::new(),
            port: 587,
            security: SmtpSecurity::Starttls,
            user: String::new(),
            from: String::new(),
        }
    }
}

/// `none` (plain, for a local relay), `starttls` (port 587) or `tls` (port 465).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS, strum::EnumString, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum SmtpSecurity {
    None,
    #[default]
    Starttls,
    Tls,
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
            care: super::CareSettings::default(),
            smtp: SmtpSettings::default(),
        }
    }
}

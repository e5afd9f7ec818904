//! `laoke settings`: show the shop settings, or change some of them.

use super::to_json;
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use laoke_store::Store;

fn number<T: std::str::FromStr>(key: &str, value: &str) -> Result<T, Failure> {
    value.trim().parse().map_err(|_| {
        UsageError::SettingValue { key: key.to_owned(), value: value.to_owned(), expected: "whole number" }.into()
    })
}

/// Applies `KEY=VALUE` pairs (shop_name, timezone, currency, language) and prints the result.
pub fn run(store: &mut Store, set: &[String]) -> Result<Output, Failure> {
    let mut settings = store.settings()?;
    for pair in set {
        let (key, value) = pair.split_once('=').ok_or_else(|| UsageError::SetSyntax { value: pair.clone() })?;
        match key {
            "shop_name" => settings.shop_name = value.to_owned(),
            "timezone" => settings.timezone = value.to_owned(),
            "currency" => settings.currency = value.to_owned(),
            "language" => settings.language = (!value.is_empty()).then(|| value.to_owned()),
            "theme" => {
                settings.theme =
                    value.parse().map_err(|_| laoke_store::EditError::ThemeInvalid { value: value.to_owned() })?
            }
            "care.quiet_start" => settings.care.quiet_start = value.to_owned(),
            "care.quiet_end" => settings.care.quiet_end = value.to_owned(),
            "care.max_per_week" => settings.care.max_per_week = number(key, value)?,
            "care.max_marketing_per_week" => settings.care.max_marketing_per_week = number(key, value)?,
            "care.no_marketing_after_purchase_days" => {
                settings.care.no_marketing_after_purchase_days = number(key, value)?
            }
            "care.sms_signature" => settings.care.sms_signature = value.to_owned(),
            "smtp.host" => settings.smtp.host = value.to_owned(),
            "smtp.port" => settings.smtp.port = number(key, value)?,
            "smtp.security" => {
                settings.smtp.security = value.parse().map_err(|_| UsageError::SettingValue {
                    key: key.to_owned(),
                    value: value.to_owned(),
                    expected: "security: none, starttls or tls",
                })?
            }
            "smtp.user" => settings.smtp.user = value.to_owned(),
            "smtp.from" => settings.smtp.from = value.to_owned(),
            other => return Err(UsageError::UnknownSetting { key: other.to_owned() }.into()),
        }
    }
    if !set.is_empty() {
        settings = store.update_settings(&settings)?;
    }
    let text = format!(
        "shop name  {}\ntime zone  {}\ncurrency   {}\nlanguage   {}\nquiet      {}–{}\ncaps       {} a week, {} marketing; none {} days after a purchase\nsmtp       {}:{} ({}) as {:?}",
        settings.shop_name,
        settings.timezone,
        settings.currency,
        settings.language.as_deref().unwrap_or("(system)"),
        settings.care.quiet_start,
        settings.care.quiet_end,
        settings.care.max_per_week,
        settings.care.max_marketing_per_week,
        settings.care.no_marketing_after_purchase_days,
        settings.smtp.host,
        settings.smtp.port,
        <&str>::from(settings.smtp.security),
        settings.smtp.from,
    );
    Ok(Output { json: to_json(&settings), text })
}

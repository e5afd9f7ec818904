//! `laoke settings`: show the shop settings, or change some of them.

use super::to_json;
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use laoke_store::Store;

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
            other => return Err(UsageError::UnknownSetting { key: other.to_owned() }.into()),
        }
    }
    if !set.is_empty() {
        settings = store.update_settings(&settings)?;
    }
    let text = format!(
        "shop name  {}\ntime zone  {}\ncurrency   {}\nlanguage   {}",
        settings.shop_name,
        settings.timezone,
        settings.currency,
        settings.language.as_deref().unwrap_or("(system)")
    );
    Ok(Output { json: to_json(&settings), text })
}

//! The `settings` table and the `Settings` DTO over it. Values are JSON by key,
//! so a new setting needs no migration; a missing key reads as its default.

use crate::{EditError, Result, Store};
use laoke_core::dto::Settings;
use rusqlite::{params, Connection, OptionalExtension};

const SHOP_NAME: &str = "shop.name";
const TIMEZONE: &str = "shop.timezone";
const CURRENCY: &str = "shop.currency";
const LANGUAGE: &str = "ui.language";
const THEME: &str = "ui.theme";
const CARE: &str = "care";
const SMTP: &str = "smtp";
const SHOP_DATES: &str = "calendar.shop_dates";

/// The longest SMS signature, in characters (carriers allow about a dozen).
pub const SMS_SIGNATURE_MAX: usize = 12;
/// The highest weekly cap a seller can set: more is no cap at all.
pub const CARE_CAP_MAX: u32 = 50;

pub(crate) fn get(conn: &Connection, key: &str) -> Result<Option<serde_json::Value>> {
    let text: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

pub(crate) fn put(conn: &Connection, key: &str, value: serde_json::Value) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value.to_string()],
    )?;
    Ok(())
}

/// The shop each platform's last file was imported into by choice: `{platform: shop id}`.
const IMPORT_SHOPS: &str = "import.last_shop";

/// Remembers the shop the seller chose for a platform's file, for the next one.
pub(crate) fn remember_import_shop(conn: &Connection, platform: laoke_core::Platform, shop_id: i64) -> Result<()> {
    let mut shops =
        get(conn, IMPORT_SHOPS)?.filter(serde_json::Value::is_object).unwrap_or_else(|| serde_json::json!({}));
    shops[platform.as_str()] = shop_id.into();
    put(conn, IMPORT_SHOPS, shops)
}

/// The shop last chosen for a platform's file, if any.
pub(crate) fn import_shop(conn: &Connection, platform: laoke_core::Platform) -> Result<Option<i64>> {
    Ok(get(conn, IMPORT_SHOPS)?.and_then(|v| v.get(platform.as_str()).and_then(serde_json::Value::as_i64)))
}

pub(crate) const GENERATION: &str = "archive.generation";

/// Marks the customer archive as changed, so an in-memory roster built before
/// is known to be stale. Every write that changes what the customer list shows
/// calls this inside its transaction.
pub(crate) fn bump_generation(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
        [GENERATION],
    )?;
    Ok(())
}

fn get_str(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(get(conn, key)?.and_then(|v| v.as_str().map(str::to_owned)))
}

pub(crate) fn load(conn: &Connection) -> Result<Settings> {
    let d = Settings::default();
    Ok(Settings {
        shop_name: get_str(conn, SHOP_NAME)?.unwrap_or(d.shop_name),
        timezone: get_str(conn, TIMEZONE)?.unwrap_or(d.timezone),
        currency: get_str(conn, CURRENCY)?.unwrap_or(d.currency),
        language: get_str(conn, LANGUAGE)?.or(d.language),
        // A theme this version does not know (written by a newer one) reads as the default.
        theme: get_str(conn, THEME)?.and_then(|t| t.parse().ok()).unwrap_or(d.theme),
        // Written by this version only; an unreadable value reads as the defaults.
        care: get(conn, CARE)?.and_then(|v| serde_json::from_value(v).ok()).unwrap_or(d.care),
        smtp: get(conn, SMTP)?.and_then(|v| serde_json::from_value(v).ok()).unwrap_or(d.smtp),
    })
}

fn validate(s: &Settings) -> Result<()> {
    const SHOP_NAME_MAX: usize = 100;
    let value = |v: &str| v.to_owned();
    if s.shop_name.chars().count() > SHOP_NAME_MAX {
        return Err(EditError::ShopNameTooLong { max: SHOP_NAME_MAX }.into());
    }
    if laoke_core::time::parse_timezone(&s.timezone).is_none() {
        return Err(EditError::TimezoneInvalid { value: value(&s.timezone) }.into());
    }
    if s.currency.len() != 3 || !s.currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(EditError::CurrencyInvalid { value: value(&s.currency) }.into());
    }
    if let Some(l) = s.language.as_deref().filter(|l| !matches!(*l, "zh-CN" | "en-US")) {
        return Err(EditError::LanguageInvalid { value: value(l) }.into());
    }
    validate_care(&s.care)?;
    validate_smtp(&s.smtp)
}

fn validate_care(c: &laoke_core::dto::CareSettings) -> Result<()> {
    for t in [&c.quiet_start, &c.quiet_end] {
        if laoke_core::care::rule::time_of_day(t).is_none() {
            return Err(EditError::QuietHoursInvalid { value: t.clone() }.into());
        }
    }
    for (field, v) in [("care.max_per_week", c.max_per_week), ("care.max_marketing_per_week", c.max_marketing_per_week)]
    {
        if v > CARE_CAP_MAX {
            return Err(EditError::CareCapOutOfRange { field, max: CARE_CAP_MAX }.into());
        }
    }
    if c.no_marketing_after_purchase_days > laoke_core::care::rule::DAYS_MAX {
        return Err(EditError::CareCapOutOfRange {
            field: "care.no_marketing_after_purchase_days",
            max: laoke_core::care::rule::DAYS_MAX,
        }
        .into());
    }
    let signature = c.sms_signature.trim().trim_start_matches('【').trim_end_matches('】');
    if signature.chars().count() > SMS_SIGNATURE_MAX {
        return Err(EditError::SmsSignatureTooLong { max: SMS_SIGNATURE_MAX }.into());
    }
    Ok(())
}

fn validate_smtp(m: &laoke_core::dto::SmtpSettings) -> Result<()> {
    let host = m.host.trim();
    if host.chars().any(|c| c.is_whitespace() || c == '/' || c == '@') {
        return Err(EditError::SmtpHostInvalid { value: m.host.clone() }.into());
    }
    if !m.from.trim().is_empty() && m.from.trim().parse::<lettre::message::Mailbox>().is_err() {
        return Err(EditError::SmtpFromInvalid { value: m.from.clone() }.into());
    }
    Ok(())
}

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        load(&self.conn)
    }

    /// Validates and saves all settings at once; nothing is written if any is invalid.
    pub fn update_settings(&mut self, s: &Settings) -> Result<Settings> {
        validate(s)?;
        let tx = self.conn.transaction()?;
        put(&tx, SHOP_NAME, s.shop_name.trim().into())?;
        put(&tx, TIMEZONE, s.timezone.clone().into())?;
        put(&tx, CURRENCY, s.currency.clone().into())?;
        put(&tx, LANGUAGE, s.language.clone().map_or(serde_json::Value::Null, Into::into))?;
        put(&tx, THEME, <&str>::from(s.theme).into())?;
        let care = laoke_core::dto::CareSettings {
            sms_signature: s.care.sms_signature.trim().trim_start_matches('【').trim_end_matches('】').to_owned(),
            ..s.care.clone()
        };
        put(&tx, CARE, serde_json::to_value(&care).unwrap_or_default())?;
        let smtp = laoke_core::dto::SmtpSettings {
            host: s.smtp.host.trim().to_owned(),
            from: s.smtp.from.trim().to_owned(),
            user: s.smtp.user.trim().to_owned(),
            ..s.smtp.clone()
        };
        put(&tx, SMTP, serde_json::to_value(&smtp).unwrap_or_default())?;
        tx.commit()?;
        self.settings()
    }

    /// The shop's own festival dates (the calendar's kind `shop`).
    pub fn shop_dates(&self) -> Result<Vec<laoke_core::dto::ShopDate>> {
        Ok(get(&self.conn, SHOP_DATES)?.and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default())
    }

    /// Replaces the shop's own festival dates; each is checked, keys must differ.
    pub fn save_shop_dates(&mut self, dates: &[laoke_core::dto::ShopDate]) -> Result<Vec<laoke_core::dto::ShopDate>> {
        let mut keys = std::collections::HashSet::new();
        for d in dates {
            laoke_core::festival::check_shop_date(d)?;
            if !keys.insert(d.key.as_str()) {
                return Err(laoke_core::festival::CalendarError::ShopDateKeyTaken { key: d.key.clone() }.into());
            }
        }
        put(&self.conn, SHOP_DATES, serde_json::to_value(dates).unwrap_or_default())?;
        self.shop_dates()
    }

    /// A number that changes whenever the customer archive does (see [`bump_generation`]).
    pub fn generation(&self) -> Result<i64> {
        Ok(get(&self.conn, GENERATION)?.and_then(|v| v.as_i64()).unwrap_or(0))
    }

    /// The shop's time zone; the default when the setting is missing or unreadable.
    pub fn timezone(&self) -> Result<chrono_tz::Tz> {
        let name = get_str(&self.conn, TIMEZONE)?;
        Ok(name.and_then(|n| laoke_core::time::parse_timezone(&n)).unwrap_or(laoke_core::time::DEFAULT_TIMEZONE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_then_round_trip() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.settings().unwrap(), Settings::default());
        assert_eq!(store.timezone().unwrap(), chrono_tz::Asia::Shanghai);
        let s = Settings {
            shop_name: " 老客茶铺 ".into(),
            timezone: "Europe/London".into(),
            currency: "GBP".into(),
            language: Some("en-US".into()),
            theme: laoke_core::dto::Theme::Dark,
            ..Settings::default()
        };
        let saved = store.update_settings(&s).unwrap();
        assert_eq!(store.settings().unwrap().theme, laoke_core::dto::Theme::Dark);
        assert_eq!(saved.shop_name, "老客茶铺");
        assert_eq!(store.timezone().unwrap(), chrono_tz::Europe::London);
        assert_eq!(store.settings().unwrap().language.as_deref(), Some("en-US"));
    }

    #[test]
    fn an_invalid_setting_changes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let bad = Settings { shop_name: "ok".into(), timezone: "Mars/Olympus".into(), ..Settings::default() };
        let err = store.update_settings(&bad).unwrap_err();
        assert!(matches!(err, crate::StoreError::Edit(EditError::TimezoneInvalid { .. })));
        assert_eq!(store.settings().unwrap(), Settings::default());
        let bad = Settings { currency: "yuan".into(), ..Settings::default() };
        assert!(matches!(store.update_settings(&bad), Err(crate::StoreError::Edit(EditError::CurrencyInvalid { .. }))));
    }
}

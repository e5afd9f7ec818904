//! The festival calendar: which festival falls on which day of any year from
//! 1901 to 2099, the dates a shop adds to it, and China's statutory days off.
//! The care planner reminds sellers of festivals by `key`; the calendar view
//! lists a year; `laoke calendar` prints one.
//!
//! Every built-in festival is one row of `builtin::BUILTINS` (key, names,
//! kind, rule); the known keys, the year listing and the names all come from it.
//! Lunar days and 清明 come from `lunar-lite`, the project's one calendar
//! library, so there is no table of dates to keep up to date (see
//! `qingming.rs` for how the solar term is found with what that crate exposes).
//!
//! Decisions:
//! - A festival belongs to the Gregorian year its `date` falls in. 除夕 of lunar
//!   year Y−1 is listed under Y; 腊八 (12/8) can fall twice in one Gregorian year
//!   (2022-01-10 and 2022-12-30) and not at all in the next (2023).
//! - Lunar festivals are never in a leap month (闰月): families keep the ordinary one.
//! - 除夕 is the last day of the twelfth lunar month, the 30th or the 29th.
//! - Promotions: 618 peaks on 18 June and opens on 1 June (the run-up most
//!   platforms start then); 双11预热 is the pre-sale opening on 20 October;
//!   双11返场 runs 12–15 November. 年货节 (the New Year goods festival) is
//!   dated by 除夕, not by a fixed day, because the platforms move it with the
//!   lunar new year: it opens 30 days before 除夕 (its `date`) and ends 10 days
//!   before (its `end`), when couriers stop taking parcels for the holiday.
//! - A shop's own date, on a day a year lacks, falls as birthdays do: a solar
//!   29 February on 28 February, a lunar 30th in a 29-day month on the 29th. A
//!   one-off lunar date's year is the lunar year.

mod builtin;
mod qingming;
mod statutory;
#[cfg(test)]
mod tests;

use crate::dto::{Festival, FestivalKind, ShopDate};
use builtin::{Builtin, BUILTINS};
use chrono::{Datelike, NaiveDate};
use std::ops::RangeInclusive;

pub use statutory::{day_kind, first_working_day_on_or_after, statutory_days, statutory_years};

/// The Gregorian years the calendar answers for: those `lunar-lite`'s lunar
/// tables are checked for in this project (the published festival table and
/// the dates in the tests), and far wider than a shop plans.
pub const YEARS: RangeInclusive<i32> = 1901..=2099;

/// The longest key and name of a shop's own date, in characters.
pub const SHOP_DATE_KEY_MAX: usize = 40;
pub const SHOP_DATE_NAME_MAX: usize = 40;

/// Why a year cannot be listed, or a shop's date cannot be saved.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, strum::IntoStaticStr, strum::VariantNames,
)]
#[serde(untagged)]
#[strum(prefix = "calendar.", serialize_all = "snake_case")]
pub enum CalendarError {
    #[error("the calendar covers the years {min} to {max}, not {year}")]
    YearOutOfRange { year: i32, min: i32, max: i32 },
    #[error("a date's key is 1 to {max} lowercase letters, digits or underscores, not {key:?}")]
    ShopDateKey { key: String, max: usize },
    #[error("{key:?} is the key of a built-in festival; choose another")]
    ShopDateKeyTaken { key: String },
    #[error("a date's name must be 1 to {max} characters")]
    ShopDateName { max: usize },
    #[error("month {month}, day {day} is no day of the calendar")]
    ShopDateInvalid { month: u32, day: u32 },
    #[error("{year} has no {month}/{day}")]
    ShopDateNotInYear { year: i32, month: u32, day: u32 },
}

crate::coded_errors!(CalendarError);

/// Every festival whose `date` falls in the Gregorian `year`, built-in and the
/// shop's own, sorted by date, then key.
pub fn festivals_in_year(year: i32, shop_dates: &[ShopDate]) -> Result<Vec<Festival>, CalendarError> {
    if !YEARS.contains(&year) {
        return Err(CalendarError::YearOutOfRange { year, min: *YEARS.start(), max: *YEARS.end() });
    }
    let within = |d: &NaiveDate| d.year() == year;
    let mut out: Vec<Festival> = Vec::new();
    for b in &BUILTINS {
        out.extend(base_years(year, year).filter_map(|base| b.festival(base)).filter(|f| within(&f.date)));
    }
    for s in shop_dates {
        out.extend(base_years(year, year).filter_map(|base| shop_festival(s, base)).filter(|f| within(&f.date)));
    }
    out.sort_by(|a, b| (a.date, &a.key).cmp(&(b.date, &b.key)));
    Ok(out)
}

/// The days (each occurrence's `date`) a festival, built-in or the shop's own,
/// falls on within `from..=to`. Empty for an unknown key and outside [`YEARS`].
/// A built-in key names the built-in festival ([`check_shop_date`] keeps shops off them).
pub fn occurrences(key: &str, from: NaiveDate, to: NaiveDate, shop_dates: &[ShopDate]) -> Vec<NaiveDate> {
    let on = |base: i32| -> Option<NaiveDate> {
        match builtin::find(key) {
            Some(b) => b.date(base),
            None => shop_dates.iter().find(|s| s.key == key).and_then(|s| shop_day(s, base)),
        }
    };
    if from > to || !is_known(key, shop_dates) {
        return Vec::new();
    }
    base_years(from.year(), to.year())
        .filter_map(on)
        .filter(|d| (from..=to).contains(d) && YEARS.contains(&d.year()))
        .collect()
}

/// A festival's name in Chinese and in English (a shop's date has one name for both).
pub fn names(key: &str, shop_dates: &[ShopDate]) -> Option<(String, String)> {
    match builtin::find(key) {
        Some(b) => Some((b.name_zh.to_owned(), b.name_en.to_owned())),
        None => shop_dates.iter().find(|s| s.key == key).map(|s| (s.name.clone(), s.name.clone())),
    }
}

/// Whether `key` names a built-in festival or one of the shop's dates.
pub fn is_known(key: &str, shop_dates: &[ShopDate]) -> bool {
    builtin::find(key).is_some() || shop_dates.iter().any(|s| s.key == key)
}

/// The main days of the big promotions (618, 双11, 双12) within `from..=to`, in
/// order, with their keys: the days the platforms peak.
pub fn promotion_peaks(from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, &'static str)> {
    let mut out: Vec<(NaiveDate, &'static str)> = BUILTINS
        .iter()
        .filter(|b| b.peak)
        .flat_map(|b| base_years(from.year(), to.year()).filter_map(move |y| Some((b.date(y)?, b.key))))
        .filter(|(d, _)| (from..=to).contains(d))
        .collect();
    out.sort_unstable();
    out
}

/// The keys of the built-in festivals, in the table's order.
pub fn builtin_keys() -> impl Iterator<Item = &'static str> {
    BUILTINS.iter().map(|b| b.key)
}

/// Whether a shop's date can be saved: a key of its own, a name, a real month and day.
pub fn check_shop_date(d: &ShopDate) -> Result<(), CalendarError> {
    let key_ok = (1..=SHOP_DATE_KEY_MAX).contains(&d.key.len())
        && d.key.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_');
    if !key_ok {
        return Err(CalendarError::ShopDateKey { key: d.key.clone(), max: SHOP_DATE_KEY_MAX });
    }
    if builtin::find(&d.key).is_some() {
        return Err(CalendarError::ShopDateKeyTaken { key: d.key.clone() });
    }
    let name = d.name.trim();
    if name.is_empty() || name.chars().count() > SHOP_DATE_NAME_MAX {
        return Err(CalendarError::ShopDateName { max: SHOP_DATE_NAME_MAX });
    }
    if !crate::birthday::valid(d.month, d.day, d.lunar) {
        return Err(CalendarError::ShopDateInvalid { month: d.month, day: d.day });
    }
    if let Some(year) = d.year {
        if !YEARS.contains(&year) {
            return Err(CalendarError::YearOutOfRange { year, min: *YEARS.start(), max: *YEARS.end() });
        }
        // A one-off 29 February needs a leap year; a lunar 30th moves to the 29th as every year.
        if !d.lunar && NaiveDate::from_ymd_opt(year, d.month, d.day).is_none() {
            return Err(CalendarError::ShopDateNotInYear { year, month: d.month, day: d.day });
        }
    }
    Ok(())
}

/// The years whose occurrences can fall in Gregorian `first..=last`: a lunar
/// year's 腊八, 除夕 and 年货节 fall early in the next Gregorian year, nothing
/// falls earlier than its own year. Clamped to what the calendar covers.
fn base_years(first: i32, last: i32) -> RangeInclusive<i32> {
    (first.max(*YEARS.start()) - 1)..=last.min(*YEARS.end())
}

/// A shop's date in (lunar or Gregorian) year `base`, as a festival.
fn shop_festival(s: &ShopDate, base: i32) -> Option<Festival> {
    Some(Festival {
        key: s.key.clone(),
        name_zh: s.name.clone(),
        name_en: s.name.clone(),
        kind: FestivalKind::Shop,
        date: shop_day(s, base)?,
        start: None,
        end: None,
        peak: false,
    })
}

/// The day a shop's date falls on in year `base`; none for a one-off date of another year.
fn shop_day(s: &ShopDate, base: i32) -> Option<NaiveDate> {
    if s.year.is_some_and(|y| y != base) || !crate::birthday::valid(s.month, s.day, s.lunar) {
        return None;
    }
    if s.lunar {
        return builtin::lunar_day(base, s.month as u8, s.day as u8);
    }
    NaiveDate::from_ymd_opt(base, s.month, s.day).or_else(|| {
        // 29 February in a common year, as a solar birthday.
        (s.month == 2 && s.day == 29).then(|| NaiveDate::from_ymd_opt(base, 2, 28)).flatten()
    })
}

impl Builtin {
    fn festival(&self, base: i32) -> Option<Festival> {
        Some(Festival {
            key: self.key.to_owned(),
            name_zh: self.name_zh.to_owned(),
            name_en: self.name_en.to_owned(),
            kind: self.kind,
            date: self.date(base)?,
            start: self.start.and_then(|w| w.on(base)),
            end: self.end.and_then(|w| w.on(base)),
            peak: self.peak,
        })
    }

    fn date(&self, base: i32) -> Option<NaiveDate> {
        self.date.on(base)
    }
}

//! `laoke calendar --year Y`: the built-in festivals of a Gregorian year, or with
//! `--holidays` China's statutory days off and make-up working days of that year.
//! The calendar is computed, not stored: the command reads an archive only for
//! the shop's own dates (`laoke care dates`), and creates none.
//!
//! With `--json` each form prints one array, so a script reads either the same
//! way: festivals as `{"key","name_zh","name_en","kind","date"}` (plus `start` /
//! `end` for a promotion's run), statutory days as `{"date","kind","name_zh"}`.
//! The shop's own dates (kind `shop`) are listed with the built-ins when the archive has some.

use super::to_json;
use crate::output::{Failure, Output};
use chrono::NaiveDate;
use laoke_core::dto::{Festival, ShopDate, StatutoryDay};
use laoke_core::festival::{self, CalendarError};
use std::fmt::Write;

pub fn run(year: i32, holidays: bool, shop_dates: &[ShopDate]) -> Result<Output, Failure> {
    if holidays {
        statutory(year)
    } else {
        festivals(year, shop_dates)
    }
}

fn festivals(year: i32, shop_dates: &[ShopDate]) -> Result<Output, Failure> {
    let list = festival::festivals_in_year(year, shop_dates)?;
    let mut text = String::new();
    for f in &list {
        let _ = writeln!(text, "{}", festival_line(f));
    }
    Ok(Output { json: to_json(&list), text })
}

/// `2026-06-18  promotion   618  618 Shopping Festival  (from 2026-06-01)`.
fn festival_line(f: &Festival) -> String {
    let kind: &str = f.kind.into();
    let mut line = format!("{}  {kind:<10}  {}  {}", f.date, f.name_zh, f.name_en);
    match (f.start, f.end) {
        (Some(start), _) => line.push_str(&format!("  (from {start})")),
        (None, Some(end)) => line.push_str(&format!("  (until {end})")),
        (None, None) => {}
    }
    line
}

fn statutory(year: i32) -> Result<Output, Failure> {
    // The same years as the festivals, so both forms refuse alike.
    let (first, last) = match (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) {
        (Some(first), Some(last)) if festival::YEARS.contains(&year) => (first, last),
        _ => {
            let (min, max) = (*festival::YEARS.start(), *festival::YEARS.end());
            return Err(CalendarError::YearOutOfRange { year, min, max }.into());
        }
    };
    let days = festival::statutory_days(first, last);
    let covered = festival::statutory_years();
    let text = if covered.contains(&year) {
        days.iter().map(statutory_line).collect::<Vec<_>>().join("\n")
    } else {
        format!("no holiday notice for {year}: the table covers {} to {}", covered.start(), covered.end())
    };
    Ok(Output { json: to_json(&days), text })
}

/// `2026-10-10  makeup_workday  国庆节`.
fn statutory_line(d: &StatutoryDay) -> String {
    let kind: &str = d.kind.into();
    format!("{}  {kind:<14}  {}", d.date, d.name_zh)
}

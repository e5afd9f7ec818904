//! China's statutory days off and make-up working days (调休), as the State
//! Council's yearly holiday notices set them: whether couriers and offices work
//! on a day, so a reminder or a shipping promise can move to the next working day.
//!
//! The notices cannot be computed (each year's days are decided by decree), so
//! the product ships them as a table, `cn_statutory_holidays_2004_2026.csv`
//! (sources and licence in tests/data/README.md), compiled in and parsed once, on
//! first use. Outside the years it covers a day is a workday or a weekend by its
//! weekday alone; a new year's notice is a new table row, not new code.

use crate::dto::{DayKind, StatutoryDay};
use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::sync::OnceLock;

const TABLE: &str = include_str!("cn_statutory_holidays_2004_2026.csv");

/// The table's days, by date, and the years it covers.
struct Statutory {
    days: BTreeMap<NaiveDate, (DayKind, String)>,
    years: RangeInclusive<i32>,
}

/// One row of the table; its other columns (`year`, the English holiday name,
/// the weekday, whether a day is given in lieu) are derived or not shown.
#[derive(serde::Deserialize)]
struct Row {
    date: NaiveDate,
    kind: DayKind,
    holiday_zh: String,
}

fn table() -> &'static Statutory {
    static PARSED: OnceLock<Statutory> = OnceLock::new();
    PARSED.get_or_init(|| {
        // The table is compiled in and a test reads every row, so a row that does
        // not parse is a bug of this build, not the seller's.
        let rows: Vec<Row> = csv::Reader::from_reader(TABLE.as_bytes())
            .deserialize()
            .collect::<Result<_, _>>()
            .expect("the statutory holiday table shipped with Laoke parses");
        let first = rows.iter().map(|r| r.date.year()).min().unwrap_or(1);
        let last = rows.iter().map(|r| r.date.year()).max().unwrap_or(0);
        let days = rows.into_iter().map(|r| (r.date, (r.kind, r.holiday_zh))).collect();
        Statutory { days, years: first..=last }
    })
}

/// What day `d` is for work: a statutory day off or make-up working day where
/// the notices say so, else a workday or a weekend by its weekday.
pub fn day_kind(d: NaiveDate) -> DayKind {
    match table().days.get(&d) {
        Some((kind, _)) => *kind,
        None if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) => DayKind::Weekend,
        None => DayKind::Workday,
    }
}

/// `d` if people work that day, else the next day they do.
pub fn first_working_day_on_or_after(d: NaiveDate) -> NaiveDate {
    let mut day = d;
    while !day_kind(day).is_working() {
        match day.succ_opt() {
            Some(next) => day = next,
            None => return d,
        }
    }
    day
}

/// The days off and make-up working days within `from..=to`, in date order, for the calendar view.
pub fn statutory_days(from: NaiveDate, to: NaiveDate) -> Vec<StatutoryDay> {
    if from > to {
        return Vec::new();
    }
    let days = &table().days;
    days.range(from..=to)
        .map(|(date, (kind, name))| StatutoryDay { date: *date, kind: *kind, name_zh: name.clone() })
        .collect()
}

/// The years whose notices the table holds (2004–2026).
pub fn statutory_years() -> RangeInclusive<i32> {
    table().years.clone()
}

//! Birthdays, solar or lunar (农历生日, which many Chinese buyers keep), and
//! the next day one falls on. A lunar birthday is stored as its lunar month and
//! day (the year part is the birth year, or 1900 when unknown) and moves every
//! solar year; the conversion uses `lunar-lite`'s calendar tables.
//!
//! Decisions: a solar 29 Feb is celebrated on 28 Feb in other years; a lunar
//! 30th in a 29-day month falls on the 29th; a birthday in a leap lunar month
//! (闰月) is kept in the ordinary month of that number, as families usually do.

use chrono::{Datelike, NaiveDate};
use lunar_lite::{lunar_month_days, lunar_to_solar, solar_to_lunar, LunarDate, SolarDate};

/// The first day on or after `today` that a birthday on `month`/`day` (of the
/// lunar calendar when `lunar`) falls on.
pub fn next_birthday(month: u32, day: u32, lunar: bool, today: NaiveDate) -> Option<NaiveDate> {
    if !valid(month, day, lunar) {
        return None;
    }
    if lunar {
        return next_lunar(month as u8, day as u8, today);
    }
    let in_year = |y| NaiveDate::from_ymd_opt(y, month, day).or_else(|| NaiveDate::from_ymd_opt(y, 2, 28));
    [today.year(), today.year() + 1].into_iter().filter_map(in_year).find(|d| *d >= today)
}

/// Month and day of a stored `YYYY-MM-DD` birthday (a lunar one may be `1990-02-30`).
pub fn month_day(text: &str) -> Option<(u32, u32)> {
    let mut parts = text.trim().split('-').map(|p| p.parse::<u32>().ok());
    let (_year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some((month, day))
}

fn next_lunar(month: u8, day: u8, today: NaiveDate) -> Option<NaiveDate> {
    let now =
        solar_to_lunar(SolarDate { year: today.year(), month: today.month() as u8, day: today.day() as u8 }).ok()?;
    for year in [now.year - 1, now.year, now.year + 1] {
        let last = lunar_month_days(year, month, false).ok()?;
        let date = LunarDate { year, month, day: day.min(last), is_leap_month: false };
        let s = lunar_to_solar(date).ok()?;
        let solar = NaiveDate::from_ymd_opt(s.year, u32::from(s.month), u32::from(s.day))?;
        if solar >= today {
            return Some(solar);
        }
    }
    None
}

/// Whether `(month, day)` can be a birthday in that calendar.
pub fn valid(month: u32, day: u32, lunar: bool) -> bool {
    if lunar {
        (1..=12).contains(&month) && (1..=30).contains(&day)
    } else {
        NaiveDate::from_ymd_opt(2024, month, day).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Every lunar festival of 2020–2027 in the published table (cross-checked there between two
    /// independent lunar calendars; tests/data/calendar) falls where the birthday rules put the same
    /// lunar month and day: the day after the one before it. 除夕 is the last day of the twelfth
    /// month, 30 or 29: the "lunar 30th in a 29-day month" rule.
    #[test]
    fn lunar_dates_agree_with_the_published_festival_table() {
        let table = include_str!("../../../../tests/data/calendar/festivals_2020_2027.csv");
        let mut checked = 0;
        for line in table.lines().skip(1) {
            let cols: Vec<&str> = line.split(',').collect();
            let (kind, date, rule) = (cols[3], cols[4], cols[5]);
            if kind != "lunar" {
                continue;
            }
            let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
            // "农历12月8日 (lunar year 2019)" → 12, 8
            let md = rule.trim_start_matches("农历").split('日').next().unwrap();
            let (m, day) = md.split_once('月').unwrap();
            let (m, day): (u32, u32) = (m.parse().unwrap(), day.parse().unwrap());
            let day = if cols[1] == "chuxi" { 30 } else { day };
            let before = date.pred_opt().unwrap();
            assert_eq!(next_birthday(m, day, true, before), Some(date), "{line}");
            checked += 1;
        }
        assert_eq!(checked, 8 * 8, "eight lunar festivals a year");
    }

    #[test]
    fn solar_birthdays_come_round_each_year() {
        assert_eq!(next_birthday(12, 1, false, d(2026, 11, 22)), Some(d(2026, 12, 1)));
        assert_eq!(next_birthday(11, 22, false, d(2026, 11, 22)), Some(d(2026, 11, 22)), "today counts");
        assert_eq!(next_birthday(3, 1, false, d(2026, 11, 22)), Some(d(2027, 3, 1)));
        // A leap-day birthday in a common year is kept on 28 Feb.
        assert_eq!(next_birthday(2, 29, false, d(2026, 11, 22)), Some(d(2027, 2, 28)));
        assert_eq!(next_birthday(2, 29, false, d(2027, 3, 1)), Some(d(2028, 2, 29)));
        assert_eq!(next_birthday(2, 30, false, d(2027, 3, 1)), None);
        assert_eq!(month_day("1990-02-30"), Some((2, 30)));
        assert_eq!(month_day("1990-02"), None);
    }

    #[test]
    fn lunar_birthdays_move_with_the_lunar_calendar() {
        // Lunar 1/1 is Spring Festival: 2026-02-17, then 2027-02-06.
        assert_eq!(next_birthday(1, 1, true, d(2026, 1, 1)), Some(d(2026, 2, 17)));
        assert_eq!(next_birthday(1, 1, true, d(2026, 11, 22)), Some(d(2027, 2, 6)));
        // Lunar 8/15 (Mid-Autumn) 2026 is 25 Sep.
        assert_eq!(next_birthday(8, 15, true, d(2026, 9, 1)), Some(d(2026, 9, 25)));
        // A lunar 30th in a month of 29 days is kept on the 29th.
        assert!(next_birthday(12, 30, true, d(2026, 11, 22)).is_some());
        assert!(valid(12, 30, true) && !valid(2, 30, false) && valid(2, 29, false));
    }
}

//! Timestamps. The database stores instants as UTC text in one fixed format
//! (`2025-11-11T02:13:00Z`) so that string order is time order and SQLite can
//! compare them; the shop's time zone (a setting) decides calendar days and months.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// The storage format of an instant.
pub const STORED_FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// The shop time zone used when none is configured: most sellers are in China.
pub const DEFAULT_TIMEZONE: Tz = chrono_tz::Asia::Shanghai;

pub fn to_stored(t: DateTime<Utc>) -> String {
    // Written by hand, digit by digit: this runs twice for every order of every
    // import, and even `format!` with plain integers took half a microsecond.
    use chrono::{Datelike, Timelike};
    let year = t.year();
    if !(0..=9999).contains(&year) {
        return t.format(STORED_FORMAT).to_string();
    }
    let mut b = *b"0000-00-00T00:00:00Z";
    let mut put = |at: usize, width: usize, mut v: u32| {
        for i in (at..at + width).rev() {
            b[i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
    };
    put(0, 4, year as u32);
    put(5, 2, t.month());
    put(8, 2, t.day());
    put(11, 2, t.hour());
    put(14, 2, t.minute());
    put(17, 2, t.second());
    // Only ASCII digits were written into an ASCII template.
    String::from_utf8_lossy(&b).into_owned()
}

pub fn from_stored(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

/// A stored instant as Unix seconds, read by position (the format is fixed),
/// for the roster's 300,000 customers × 4 instants.
pub fn stored_seconds(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[19] != b'Z' {
        return from_stored(s).map(|t| t.timestamp());
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    let time = chrono::NaiveTime::from_hms_opt(num(11..13)?, num(14..16)?, num(17..19)?)?;
    Some(date.and_time(time).and_utc().timestamp())
}

/// The calendar date of an instant in the shop's time zone.
pub fn local_date(t: DateTime<Utc>, tz: Tz) -> NaiveDate {
    tz.from_utc_datetime(&t.naive_utc()).date_naive()
}

pub fn parse_timezone(name: &str) -> Option<Tz> {
    name.parse::<Tz>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hand_written_format_is_the_documented_one() {
        let mut times = vec![
            Utc.with_ymd_and_hms(1999, 1, 2, 3, 4, 5).unwrap(),
            Utc.with_ymd_and_hms(2026, 12, 31, 23, 59, 59).unwrap(),
            Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59).unwrap(),
            // Outside four digits the text is chrono's own.
            Utc.with_ymd_and_hms(10000, 1, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(-1, 6, 1, 12, 0, 0).unwrap(),
        ];
        // Every second of a day and every day of a leap year, in steps that hit each digit.
        let start = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap().timestamp();
        times.extend((0..366 * 86_400).step_by(7_919).map(|s| DateTime::from_timestamp(start + s, 0).unwrap()));
        for t in times {
            assert_eq!(to_stored(t), t.format(STORED_FORMAT).to_string());
        }
    }

    #[test]
    fn stored_text_round_trips_and_sorts_like_time() {
        let a = Utc.with_ymd_and_hms(2024, 2, 29, 23, 59, 59).unwrap();
        let b = Utc.with_ymd_and_hms(2024, 3, 1, 0, 0, 0).unwrap();
        assert_eq!(to_stored(a), "2024-02-29T23:59:59Z");
        assert_eq!(from_stored(&to_stored(a)), Some(a));
        assert!(to_stored(a) < to_stored(b));
    }

    #[test]
    fn stored_seconds_agree_with_chrono() {
        let t = Utc.with_ymd_and_hms(2024, 2, 29, 23, 59, 59).unwrap();
        assert_eq!(stored_seconds(&to_stored(t)), Some(t.timestamp()));
        assert_eq!(stored_seconds("2024-02-30T00:00:00Z"), None);
        assert_eq!(stored_seconds("garbage"), None);
    }

    #[test]
    fn days_follow_the_shop_time_zone() {
        // 16:30 UTC on 31 Oct is 00:30 on 1 Nov in Shanghai.
        let t = Utc.with_ymd_and_hms(2025, 10, 31, 16, 30, 0).unwrap();
        assert_eq!(local_date(t, chrono_tz::UTC), NaiveDate::from_ymd_opt(2025, 10, 31).unwrap());
        assert_eq!(local_date(t, DEFAULT_TIMEZONE), NaiveDate::from_ymd_opt(2025, 11, 1).unwrap());
    }
}

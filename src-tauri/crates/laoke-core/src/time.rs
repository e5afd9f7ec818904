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
    // Written by hand: this runs for every order of every import, and chrono's
    // format strings are interpreted anew on each call.
    use chrono::{Datelike, Timelike};
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second())
}

pub fn from_stored(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
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
        for t in [
            Utc.with_ymd_and_hms(1999, 1, 2, 3, 4, 5).unwrap(),
            Utc.with_ymd_and_hms(2026, 12, 31, 23, 59, 59).unwrap(),
        ] {
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
    fn days_follow_the_shop_time_zone() {
        // 16:30 UTC on 31 Oct is 00:30 on 1 Nov in Shanghai.
        let t = Utc.with_ymd_and_hms(2025, 10, 31, 16, 30, 0).unwrap();
        assert_eq!(local_date(t, chrono_tz::UTC), NaiveDate::from_ymd_opt(2025, 10, 31).unwrap());
        assert_eq!(local_date(t, DEFAULT_TIMEZONE), NaiveDate::from_ymd_opt(2025, 11, 1).unwrap());
    }
}

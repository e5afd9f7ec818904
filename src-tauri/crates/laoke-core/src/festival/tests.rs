//! The calendar against the published festival table (every row), dates known
//! from outside it, the shop's own dates and the statutory holiday table.

use super::*;
use crate::dto::{DayKind, FestivalKind, ShopDate};
use crate::error::ErrorCode;
use std::collections::BTreeSet;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The built-in festival `key`'s dates in Gregorian `year`.
fn dates(year: i32, key: &str) -> Vec<NaiveDate> {
    festivals_in_year(year, &[]).unwrap().into_iter().filter(|f| f.key == key).map(|f| f.date).collect()
}

fn one(year: i32, key: &str) -> NaiveDate {
    let found = dates(year, key);
    assert_eq!(found.len(), 1, "{key} in {year}: {found:?}");
    found[0]
}

fn festival(year: i32, key: &str) -> Festival {
    festivals_in_year(year, &[]).unwrap().into_iter().find(|f| f.key == key).unwrap()
}

#[derive(serde::Deserialize)]
struct PublishedRow {
    gregorian_year: i32,
    key: String,
    name_zh: String,
    kind: String,
    date: NaiveDate,
}

/// tests/data/calendar/festivals_2020_2027.csv: computed from two independent
/// lunar calendars (lunardate, lunar-python) and cross-checked (see its README row).
fn published() -> Vec<PublishedRow> {
    let text = include_str!("../../../../../tests/data/calendar/festivals_2020_2027.csv");
    csv::Reader::from_reader(text.as_bytes()).deserialize().collect::<Result<_, _>>().unwrap()
}

#[test]
fn every_row_of_the_published_festival_table_is_in_the_calendar() {
    let rows = published();
    assert_eq!(rows.len(), 168, "8 years of 21 festivals");
    for r in &rows {
        let year = festivals_in_year(r.gregorian_year, &[]).unwrap();
        let f = year
            .iter()
            .find(|f| f.key == r.key && f.date == r.date)
            .unwrap_or_else(|| panic!("{} {} {} is not in the calendar", r.gregorian_year, r.key, r.date));
        assert_eq!((f.name_zh.as_str(), <&str>::from(f.kind)), (r.name_zh.as_str(), r.kind.as_str()), "{}", r.key);
    }
    // And nothing more: the table's festivals fall exactly on its rows, no extra 腊八 or 除夕.
    let keys: BTreeSet<&str> = rows.iter().map(|r| r.key.as_str()).collect();
    for year in 2020..=2027 {
        let mine: Vec<(NaiveDate, &str)> = festivals_in_year(year, &[])
            .unwrap()
            .iter()
            .filter(|f| keys.contains(f.key.as_str()))
            .map(|f| (f.date, builtin::find(&f.key).unwrap().key))
            .collect();
        let mut theirs: Vec<(NaiveDate, &str)> =
            rows.iter().filter(|r| r.gregorian_year == year).map(|r| (r.date, r.key.as_str())).collect();
        theirs.sort();
        assert_eq!(mine, theirs, "{year}");
    }
    // 腊八 twice in 2022, not at all in 2023; 除夕 of lunar 2022 is listed under 2023.
    assert_eq!(dates(2022, "laba"), [d(2022, 1, 10), d(2022, 12, 30)]);
    assert_eq!(dates(2023, "laba"), []);
    assert_eq!(one(2023, "chuxi"), d(2023, 1, 21));
}

#[test]
fn lunar_festivals_outside_the_table() {
    // Spring Festival 1901 and 2099, the ends of the range: dates the issue gives as known
    // (the Chinese New Year lists that span 1901–2100); lunar-lite agrees.
    assert_eq!(one(1901, "spring_festival"), d(1901, 2, 19));
    assert_eq!(one(2099, "spring_festival"), d(2099, 1, 21));
    // Spring Festival 1996, 2008 and 2030: published lists of Chinese New Year dates (the
    // 1996–2031 table copied from Wikipedia's "Chinese New Year"), so 除夕 2030 is 2 February.
    assert_eq!(one(1996, "spring_festival"), d(1996, 2, 19));
    assert_eq!(one(2008, "spring_festival"), d(2008, 2, 7));
    assert_eq!(one(2030, "spring_festival"), d(2030, 2, 3));
    assert_eq!(one(2030, "chuxi"), d(2030, 2, 2));
    // Mid-Autumn 2030: 12 September, as the issue gives it; lunar-lite's lunar 2030-08-15.
    assert_eq!(one(2030, "mid_autumn"), d(2030, 9, 12));
    // 除夕 of lunar 1900 falls in 1901 and is listed there; 2099 lists lunar 2098's only (lunar
    // 2099's falls in 2100, outside the range).
    assert_eq!(one(1901, "chuxi"), d(1901, 2, 18));
    assert_eq!(one(2099, "chuxi"), d(2099, 1, 20));
}

#[test]
fn chuxi_is_the_eve_of_spring_festival_every_year() {
    // The twelfth month's own length decides 12/29 or 12/30; no year of the range has a
    // leap twelfth month that would push the year's last day further.
    for year in YEARS {
        let eve = one(year, "chuxi");
        assert_eq!(eve.succ_opt(), Some(one(year, "spring_festival")), "{year}");
    }
}

#[test]
fn qingming_is_the_day_of_the_solar_term() {
    // The published table, 2020–2027.
    let table: Vec<NaiveDate> = published().iter().filter(|r| r.key == "qingming").map(|r| r.date).collect();
    assert_eq!(table.len(), 8);
    for date in table {
        assert_eq!(one(date.year(), "qingming"), date);
    }
    // 2008 and 2009: JPL Horizons (the pentad table of Wikipedia's "Qingming (solar term)"):
    // 2008-04-04 09:45 and 2009-04-04 15:33 UTC, i.e. 17:45 and 23:33 Beijing time.
    assert_eq!(one(2008, "qingming"), d(2008, 4, 4));
    assert_eq!(one(2009, "qingming"), d(2009, 4, 4));
    // The years whose term fell within half an hour of midnight, where the four pillars alone
    // cannot tell the day (see qingming.rs): lunar-lite's own instants of the term (Beijing time).
    for (date, at) in [
        (d(1910, 4, 6), "00:22:55"),
        (d(1943, 4, 6), "00:11:10"),
        (d(1972, 4, 5), "00:28:50"),
        (d(1976, 4, 4), "23:46:27"),
        (d(2009, 4, 4), "23:33:47"),
        (d(2038, 4, 5), "00:29:29"),
        (d(2042, 4, 4), "23:40:41"),
        (d(2071, 4, 5), "00:10:36"),
        (d(2075, 4, 4), "23:31:00"),
    ] {
        assert_eq!(one(date.year(), "qingming"), date, "term at {date} {at}");
    }
    // 2099: lunar-lite puts the term at 2099-04-04 18:51 Beijing time, far from midnight; the
    // 4 April follows from the leap-year pattern too (2098-04-04 13:13, ~5 h 49 min later each year).
    assert_eq!(one(2099, "qingming"), d(2099, 4, 4));
    for year in YEARS {
        let day = one(year, "qingming");
        assert!((d(year, 4, 4)..=d(year, 4, 6)).contains(&day), "{day}");
    }
}

#[test]
fn easter_by_the_gregorian_computus() {
    // Well-known Western Easter Sundays (church calendars; 1943 and 2038 are the latest possible day).
    for date in [d(2024, 3, 31), d(2025, 4, 20), d(2026, 4, 5), d(2038, 4, 25), d(1943, 4, 25), d(2011, 4, 24)] {
        assert_eq!(one(date.year(), "easter"), date);
        assert_eq!(date.weekday(), chrono::Weekday::Sun);
    }
    // 1913 and 2008 are the earliest possible day of the range, 22 and 23 March.
    assert_eq!(one(2008, "easter"), d(2008, 3, 23));
    assert_eq!(one(1913, "easter"), d(1913, 3, 23));
}

#[test]
fn floating_days() {
    assert_eq!(one(2026, "mothers_day"), d(2026, 5, 10));
    assert_eq!(one(2026, "fathers_day"), d(2026, 6, 21));
    // The fourth Thursday of November: 2026-11-26; in 2029 November starts on a Thursday.
    assert_eq!(one(2026, "thanksgiving"), d(2026, 11, 26));
    assert_eq!(one(2029, "thanksgiving"), d(2029, 11, 22));
}

#[test]
fn promotions_keep_their_main_day_and_their_run() {
    let p = festival(2026, "618");
    assert_eq!((p.date, p.start, p.end, p.kind), (d(2026, 6, 18), Some(d(2026, 6, 1)), None, FestivalKind::Promotion));
    let warmup = festival(2026, "double_11_warmup");
    assert_eq!((warmup.date, warmup.start, warmup.end), (d(2026, 10, 20), None, None));
    let back = festival(2026, "double_11_return");
    assert_eq!((back.date, back.end), (d(2026, 11, 12), Some(d(2026, 11, 15))));
    // 年货节 runs from 30 to 10 days before 除夕 (2026-02-16).
    let goods = festival(2026, "new_year_goods");
    assert_eq!((goods.date, goods.end), (d(2026, 1, 17), Some(d(2026, 2, 6))));
    // It opens in December when 除夕 is early: lunar 2029's (2030-02-02) opens 2030-01-03, and
    // lunar 2030's (2031-01-22) on 2030-12-23, so 2030 lists it twice.
    assert_eq!(dates(2030, "new_year_goods"), [d(2030, 1, 3), d(2030, 12, 23)]);
    assert_eq!(festival(2030, "double_12").kind, FestivalKind::Fixed);
}

#[test]
fn one_table_names_every_festival() {
    let keys: Vec<&str> = builtin_keys().collect();
    let unique: BTreeSet<&str> = keys.iter().copied().collect();
    assert_eq!(keys.len(), 27);
    assert_eq!(unique.len(), keys.len(), "keys are unique");
    for key in &keys {
        assert!(is_known(key, &[]));
        let f = festival(2026, key);
        assert!(!f.name_zh.is_empty() && !f.name_en.is_empty(), "{key}");
    }
    let english: Vec<(&str, &str)> =
        ["chuxi", "double_11", "qingming", "618", "new_year_goods", "double_11_warmup", "double_11_return"]
            .into_iter()
            .map(|k| {
                let b = builtin::find(k).unwrap();
                (b.name_zh, b.name_en)
            })
            .collect();
    assert_eq!(
        english,
        [
            ("除夕", "Chinese New Year's Eve"),
            ("双11", "Singles' Day (Double 11)"),
            ("清明节", "Qingming Festival"),
            ("618", "618 Shopping Festival"),
            ("年货节", "New Year Goods Festival"),
            ("双11预热", "Double 11 pre-sale"),
            ("双11返场", "Double 11 return sale"),
        ]
    );
    assert!(!is_known("arbor_day", &[]));
}

#[test]
fn a_year_lists_each_festival_once_sorted() {
    for year in YEARS {
        let list = festivals_in_year(year, &[]).unwrap();
        assert!(list.windows(2).all(|w| (w[0].date, &w[0].key) <= (w[1].date, &w[1].key)), "{year}");
        for key in builtin_keys() {
            let n = list.iter().filter(|f| f.key == key).count();
            // 腊八 and 年货节 open near 1 January: some years have two, some none.
            let expected = if matches!(key, "laba" | "new_year_goods") { 0..=2 } else { 1..=1 };
            assert!(expected.contains(&n), "{key} {n} times in {year}");
        }
    }
}

#[test]
fn years_outside_the_range_are_refused_with_a_code() {
    for year in [1900, 2100] {
        let err = festivals_in_year(year, &[]).unwrap_err();
        assert_eq!(err, CalendarError::YearOutOfRange { year, min: 1901, max: 2099 });
        assert_eq!(err.code(), "calendar.year_out_of_range");
        assert_eq!(err.details(), serde_json::json!({"year": year, "min": 1901, "max": 2099}));
    }
    assert!(festivals_in_year(1901, &[]).is_ok() && festivals_in_year(2099, &[]).is_ok());
    assert!(crate::error::core_codes().contains(&"calendar.shop_date_key_taken"));
}

#[test]
fn occurrences_agree_with_the_year_listing() {
    let span = occurrences("laba", d(2021, 6, 1), d(2023, 12, 31), &[]);
    assert_eq!(span, [d(2022, 1, 10), d(2022, 12, 30)]);
    assert_eq!(occurrences("spring_festival", d(2026, 2, 17), d(2026, 2, 17), &[]), [d(2026, 2, 17)]);
    assert_eq!(occurrences("chuxi", d(2099, 1, 1), d(2200, 1, 1), &[]), [d(2099, 1, 20)]);
    assert_eq!(occurrences("national_day", d(1800, 1, 1), d(1901, 12, 31), &[]), [d(1901, 10, 1)]);
    assert_eq!(occurrences("christmas", d(2026, 12, 26), d(2026, 12, 24), &[]), []);
    assert_eq!(occurrences("no_such_day", d(2026, 1, 1), d(2026, 12, 31), &[]), []);
    for year in [1901, 1976, 2022, 2026, 2099] {
        let (from, to) = (d(year, 1, 1), d(year, 12, 31));
        for f in festivals_in_year(year, &[]).unwrap() {
            assert!(occurrences(&f.key, from, to, &[]).contains(&f.date), "{} {}", f.key, f.date);
        }
        let all: usize = builtin_keys().map(|k| occurrences(k, from, to, &[]).len()).sum();
        assert_eq!(all, festivals_in_year(year, &[]).unwrap().len(), "{year}");
    }
}

fn shop_date(key: &str, month: u32, day: u32, year: Option<i32>, lunar: bool) -> ShopDate {
    ShopDate { key: key.into(), name: "店庆".into(), month, day, year, lunar }
}

#[test]
fn shop_dates_join_the_calendar() {
    let dates = [
        shop_date("anniversary", 3, 15, None, false),
        shop_date("leap_sale", 2, 29, None, false),
        shop_date("launch", 9, 1, Some(2026), false),
        // Lunar 12/30: lunar 2025's twelfth month has 29 days (除夕 2026-02-16).
        shop_date("year_end", 12, 30, None, true),
        shop_date("lunar_once", 8, 15, Some(2026), true),
    ];
    let y2026 = festivals_in_year(2026, &dates).unwrap();
    let of = |list: &[Festival], key: &str| -> Vec<NaiveDate> {
        list.iter().filter(|f| f.key == key).map(|f| f.date).collect()
    };
    assert_eq!(of(&y2026, "anniversary"), [d(2026, 3, 15)]);
    assert_eq!(of(&y2026, "leap_sale"), [d(2026, 2, 28)], "29 Feb in a common year: the 28th");
    assert_eq!(of(&y2026, "launch"), [d(2026, 9, 1)]);
    assert_eq!(of(&y2026, "year_end"), [d(2026, 2, 16)], "a 30th in a 29-day month: the 29th");
    assert_eq!(of(&y2026, "lunar_once"), [d(2026, 9, 25)]);
    let f = y2026.iter().find(|f| f.key == "anniversary").unwrap();
    assert_eq!((f.kind, f.name_zh.as_str(), f.name_en.as_str()), (FestivalKind::Shop, "店庆", "店庆"));

    let y2027 = festivals_in_year(2027, &dates).unwrap();
    assert_eq!(of(&y2027, "launch"), [], "a one-off date is in its year only");
    assert_eq!(of(&y2027, "lunar_once"), []);
    assert_eq!(of(&y2028(&dates), "leap_sale"), [d(2028, 2, 29)]);
    assert!(is_known("launch", &dates) && !is_known("launch", &[]));
    assert_eq!(occurrences("anniversary", d(2026, 1, 1), d(2027, 12, 31), &dates), [d(2026, 3, 15), d(2027, 3, 15)]);
}

fn y2028(dates: &[ShopDate]) -> Vec<Festival> {
    festivals_in_year(2028, dates).unwrap()
}

#[test]
fn shop_dates_are_checked_before_they_are_saved() {
    let ok = shop_date("shop_day_2", 3, 15, None, false);
    assert_eq!(check_shop_date(&ok), Ok(()));
    assert_eq!(check_shop_date(&shop_date("year_end", 12, 30, Some(2026), true)), Ok(()));
    for bad_key in ["", "Shop", "店庆", "with-dash", &"k".repeat(41)] {
        let err = check_shop_date(&ShopDate { key: bad_key.into(), ..ok.clone() }).unwrap_err();
        assert_eq!(err.code(), "calendar.shop_date_key", "{bad_key:?}");
    }
    let taken = check_shop_date(&ShopDate { key: "double_11".into(), ..ok.clone() }).unwrap_err();
    assert_eq!(taken, CalendarError::ShopDateKeyTaken { key: "double_11".into() });
    for name in ["", "   ", &"名".repeat(41)] {
        let err = check_shop_date(&ShopDate { name: name.into(), ..ok.clone() }).unwrap_err();
        assert_eq!(err, CalendarError::ShopDateName { max: 40 });
    }
    assert_eq!(check_shop_date(&ShopDate { name: "名".repeat(40), ..ok.clone() }), Ok(()));
    for (month, day, lunar) in
        [(2, 30, false), (13, 1, false), (4, 31, false), (13, 1, true), (1, 31, true), (0, 1, true)]
    {
        let err = check_shop_date(&shop_date("x", month, day, None, lunar)).unwrap_err();
        assert_eq!(err, CalendarError::ShopDateInvalid { month, day });
    }
    let not_leap = check_shop_date(&shop_date("x", 2, 29, Some(2027), false)).unwrap_err();
    assert_eq!(not_leap, CalendarError::ShopDateNotInYear { year: 2027, month: 2, day: 29 });
    let far = check_shop_date(&shop_date("x", 1, 1, Some(2100), false)).unwrap_err();
    assert_eq!(far.code(), "calendar.year_out_of_range");
}

#[test]
fn festivals_cross_ipc_as_dates_and_snake_case() {
    let json = serde_json::to_value(festival(2026, "qingming")).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"key": "qingming", "name_zh": "清明节", "name_en": "Qingming Festival",
            "kind": "solar_term", "date": "2026-04-05", "peak": false})
    );
    let json = serde_json::to_value(festival(2026, "618")).unwrap();
    assert_eq!((json["start"].as_str(), json.get("end")), (Some("2026-06-01"), None));
    assert_eq!(json["peak"], true);
    for kind in FestivalKind::ALL {
        let text: &str = kind.into();
        assert_eq!(serde_json::to_value(kind).unwrap(), text);
        assert_eq!(text.parse::<FestivalKind>(), Ok(kind));
    }
    for kind in DayKind::ALL {
        let text: &str = kind.into();
        assert_eq!(serde_json::to_value(kind).unwrap(), text);
    }
}

// ---- statutory days ----

#[test]
fn every_row_of_the_statutory_table_is_read() {
    let text = include_str!("cn_statutory_holidays_2004_2026.csv");
    let rows = text.lines().skip(1).filter(|l| !l.trim().is_empty()).count();
    assert_eq!(rows, 771);
    let all = statutory_days(d(2004, 1, 1), d(2026, 12, 31));
    assert_eq!(all.len(), rows);
    assert_eq!(statutory_years(), 2004..=2026);
    assert_eq!(all.iter().filter(|s| s.kind == DayKind::HolidayOff).count(), 621);
    assert_eq!(all.iter().filter(|s| s.kind == DayKind::MakeupWorkday).count(), 150);
    // The weekday column agrees with the dates it was written for.
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split(',').collect();
        let date: NaiveDate = cols[0].parse().unwrap();
        assert_eq!(cols[5], date.weekday().number_from_monday().to_string(), "{line}");
        assert_eq!(cols[1], date.year().to_string(), "{line}");
    }
}

#[test]
fn national_day_2026_and_its_make_up_days() {
    for day in 1..=7 {
        assert_eq!(day_kind(d(2026, 10, day)), DayKind::HolidayOff, "10-{day}");
    }
    // The 2026 notice: 1–7 October off, Sunday 20 September and Saturday 10 October worked.
    assert_eq!(day_kind(d(2026, 10, 8)), DayKind::Workday);
    assert_eq!(first_working_day_on_or_after(d(2026, 10, 1)), d(2026, 10, 8));
    assert_eq!(day_kind(d(2026, 10, 10)), DayKind::MakeupWorkday);
    assert_eq!(d(2026, 10, 10).weekday(), chrono::Weekday::Sat);
    assert_eq!(first_working_day_on_or_after(d(2026, 10, 10)), d(2026, 10, 10), "a make-up Saturday is worked");
    assert_eq!(day_kind(d(2026, 9, 20)), DayKind::MakeupWorkday);
    assert_eq!(day_kind(d(2026, 10, 11)), DayKind::Weekend);
    let view = statutory_days(d(2026, 9, 20), d(2026, 10, 10));
    assert_eq!(view.len(), 1 + 3 + 7 + 1, "make-up, 中秋, 国庆, make-up");
    assert_eq!(
        (view[0].date, view[0].kind, view[0].name_zh.as_str()),
        (d(2026, 9, 20), DayKind::MakeupWorkday, "国庆节")
    );
    assert_eq!(view[1].name_zh, "中秋节");
    // Spring Festival 2026: 15–23 February off, the 24th worked again.
    assert_eq!(first_working_day_on_or_after(d(2026, 2, 15)), d(2026, 2, 24));
}

#[test]
fn outside_the_table_a_day_is_known_by_its_weekday() {
    // 2030-10-01 is a Tuesday: no notice yet, so a workday.
    assert_eq!(day_kind(d(2030, 10, 1)), DayKind::Workday);
    assert_eq!(day_kind(d(2030, 10, 5)), DayKind::Weekend);
    assert_eq!(first_working_day_on_or_after(d(2030, 10, 5)), d(2030, 10, 7));
    assert_eq!(day_kind(d(2003, 10, 1)), DayKind::Workday);
    assert_eq!(statutory_days(d(2027, 1, 1), d(2030, 12, 31)), []);
    assert_eq!(statutory_days(d(2026, 12, 31), d(2026, 1, 1)), []);
}

#[test]
fn the_big_promotions_main_days_are_the_peaks() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let peaks = super::promotion_peaks(d(2026, 12, 1), d(2027, 12, 31));
    assert_eq!(
        peaks,
        vec![
            (d(2026, 12, 12), "double_12"),
            (d(2027, 6, 18), "618"),
            (d(2027, 11, 11), "double_11"),
            (d(2027, 12, 12), "double_12")
        ]
    );
    assert!(super::promotion_peaks(d(2027, 11, 12), d(2027, 11, 30)).is_empty());
}

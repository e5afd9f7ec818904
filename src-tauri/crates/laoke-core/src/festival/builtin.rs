//! The built-in festivals: one table, [`BUILTINS`], of key, names, kind and the
//! rule that dates each in a given year, and the rules themselves (lunar days,
//! 除夕, 清明, fixed days, the n-th weekday of a month, Easter).
//!
//! A rule is evaluated for a *base year*: the lunar year for a lunar rule (so
//! 除夕 of base year 2025 is 2026-02-16), the Gregorian year for every other.

use super::qingming::qingming;
use crate::dto::FestivalKind::{self, Fixed, Floating, Lunar, Promotion, SolarTerm};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use lunar_lite::{lunar_month_days, lunar_to_solar, LunarDate};

/// One built-in festival.
pub(super) struct Builtin {
    pub key: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub kind: FestivalKind,
    /// Its main day: the one a reminder counts to.
    pub date: When,
    /// The first day of a run that opens before the main day.
    pub start: Option<When>,
    /// The last day of a run that goes on after the main day.
    pub end: Option<When>,
    /// The main day of a big promotion (618, 双11, 双12): the platforms' peak,
    /// which group activities avoid and the dashboard expects.
    pub peak: bool,
}

/// A day of a base year, moved by `shift` days.
#[derive(Clone, Copy)]
pub(super) struct When {
    day: Rule,
    shift: i64,
}

#[derive(Clone, Copy)]
enum Rule {
    /// A Gregorian month and day.
    Solar(u32, u32),
    /// The n-th (1-based) weekday of a Gregorian month.
    NthWeekday { month: u32, n: u32, weekday: Weekday },
    /// Western Easter Sunday.
    Easter,
    /// A lunar month and day, never in the leap month.
    Lunar(u8, u8),
    /// The last day of the lunar year: the twelfth month's 30th, or its 29th.
    LunarYearEnd,
    /// The day of the 清明 solar term.
    Qingming,
}

const fn solar(month: u32, day: u32) -> When {
    When { day: Rule::Solar(month, day), shift: 0 }
}

const fn lunar(month: u8, day: u8) -> When {
    When { day: Rule::Lunar(month, day), shift: 0 }
}

const fn nth(n: u32, weekday: Weekday, month: u32) -> When {
    When { day: Rule::NthWeekday { month, n, weekday }, shift: 0 }
}

const fn chuxi(shift: i64) -> When {
    When { day: Rule::LunarYearEnd, shift }
}

const EASTER: When = When { day: Rule::Easter, shift: 0 };
const QINGMING: When = When { day: Rule::Qingming, shift: 0 };

const fn day(
    key: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    kind: FestivalKind,
    date: When,
) -> Builtin {
    Builtin { key, name_zh, name_en, kind, date, start: None, end: None, peak: false }
}

/// Every built-in festival, in the order of the year. The Chinese names are
/// those of the published festival table (tests/data/calendar) where it has them.
pub(super) const BUILTINS: [Builtin; 27] = [
    day("new_year", "元旦", "New Year's Day", Fixed, solar(1, 1)),
    day("laba", "腊八节", "Laba Festival", Lunar, lunar(12, 8)),
    Builtin {
        end: Some(chuxi(-10)),
        ..day("new_year_goods", "年货节", "New Year Goods Festival", Promotion, chuxi(-30))
    },
    day("chuxi", "除夕", "Chinese New Year's Eve", Lunar, chuxi(0)),
    day("spring_festival", "春节", "Spring Festival", Lunar, lunar(1, 1)),
    day("lantern", "元宵节", "Lantern Festival", Lunar, lunar(1, 15)),
    day("valentines", "情人节", "Valentine's Day", Fixed, solar(2, 14)),
    day("womens_day", "妇女节", "Women's Day", Fixed, solar(3, 8)),
    day("qingming", "清明节", "Qingming Festival", SolarTerm, QINGMING),
    day("easter", "复活节", "Easter", Floating, EASTER),
    day("labour_day", "劳动节", "Labour Day", Fixed, solar(5, 1)),
    day("mothers_day", "母亲节", "Mother's Day", Floating, nth(2, Weekday::Sun, 5)),
    day("520", "520", "520", Fixed, solar(5, 20)),
    day("dragon_boat", "端午节", "Dragon Boat Festival", Lunar, lunar(5, 5)),
    day("childrens_day", "儿童节", "Children's Day", Fixed, solar(6, 1)),
    Builtin {
        start: Some(solar(6, 1)),
        peak: true,
        ..day("618", "618", "618 Shopping Festival", Promotion, solar(6, 18))
    },
    day("fathers_day", "父亲节", "Father's Day", Floating, nth(3, Weekday::Sun, 6)),
    day("qixi", "七夕", "Qixi Festival", Lunar, lunar(7, 7)),
    day("mid_autumn", "中秋节", "Mid-Autumn Festival", Lunar, lunar(8, 15)),
    day("double_ninth", "重阳节", "Double Ninth Festival", Lunar, lunar(9, 9)),
    day("national_day", "国庆节", "National Day", Fixed, solar(10, 1)),
    day("double_11_warmup", "双11预热", "Double 11 pre-sale", Promotion, solar(10, 20)),
    Builtin { peak: true, ..day("double_11", "双11", "Singles' Day (Double 11)", Fixed, solar(11, 11)) },
    Builtin {
        end: Some(solar(11, 15)),
        ..day("double_11_return", "双11返场", "Double 11 return sale", Promotion, solar(11, 12))
    },
    day("thanksgiving", "感恩节", "Thanksgiving", Floating, nth(4, Weekday::Thu, 11)),
    Builtin { peak: true, ..day("double_12", "双12", "Double 12", Fixed, solar(12, 12)) },
    day("christmas", "圣诞节", "Christmas", Fixed, solar(12, 25)),
];

/// The built-in festival with this key.
pub(super) fn find(key: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.key == key)
}

impl When {
    /// The day in base year `base`; none where the calendar library has no answer.
    pub fn on(self, base: i32) -> Option<NaiveDate> {
        let day = match self.day {
            Rule::Solar(month, day) => NaiveDate::from_ymd_opt(base, month, day)?,
            Rule::NthWeekday { month, n, weekday } => {
                NaiveDate::from_weekday_of_month_opt(base, month, weekday, n as u8)?
            }
            Rule::Easter => easter(base)?,
            Rule::Lunar(month, day) => lunar_day(base, month, day)?,
            Rule::LunarYearEnd => lunar_day(base, 12, 30)?,
            Rule::Qingming => qingming(base)?,
        };
        match self.shift {
            0 => Some(day),
            s if s > 0 => day.checked_add_days(Days::new(s.unsigned_abs())),
            s => day.checked_sub_days(Days::new(s.unsigned_abs())),
        }
    }
}

/// The solar day of lunar `month`/`day` in lunar `year` (never the leap month); a
/// 30th in a 29-day month is its 29th, which makes 12/30 the last day of the year.
pub(super) fn lunar_day(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    let last = lunar_month_days(year, month, false).ok()?;
    let solar = lunar_to_solar(LunarDate { year, month, day: day.min(last), is_leap_month: false }).ok()?;
    NaiveDate::from_ymd_opt(solar.year, u32::from(solar.month), u32::from(solar.day))
}

/// Western (Gregorian) Easter Sunday: the anonymous Gregorian computus, as
/// Meeus gives it (Astronomical Algorithms, ch. 8), valid for every Gregorian year.
pub(super) fn easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year.rem_euclid(19), year.div_euclid(100), year.rem_euclid(100));
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let date = NaiveDate::from_ymd_opt(year, (n / 31) as u32, (n % 31 + 1) as u32)?;
    debug_assert_eq!(date.weekday(), Weekday::Sun);
    Some(date)
}

//! The day of 清明, the solar term at which the Sun reaches longitude 15°, in
//! China Standard Time, found with what `lunar-lite` exposes.
//!
//! `lunar-lite` computes every solar term to the second but publishes only 立春's
//! instant. Its four-pillars API, though, starts each month pillar at one of the
//! 12 Jie (节) terms at the exact second, and 清明 is the Jie that starts the 辰
//! month: the month pillar at a time of day is 辰 once 清明 has passed. The API
//! only asks at fixed times, the half hours of the 时辰 (00:30, 01:30, 03:30, …,
//! 23:30 with time index 12), so:
//!
//! 1. the first April day whose pillar at 23:30 is 辰 is the day of 清明, unless
//!    the term fell in the last half hour of the day before (after 23:30);
//! 2. when the pillar is 辰 already at 00:30 of that day, the term fell in the
//!    hour around midnight (the day before after 23:30, or this day by 00:30),
//!    which the pillars cannot split. That hour is decided by an estimate from
//!    立春, which `lunar-lite` gives to the second: 清明 comes 59 d 22 h 51 m 54 s
//!    after 立春 in 2000, 41.5 s earlier each later year (the perihelion moves
//!    along the orbit). The two constants are a least-squares fit to
//!    `lunar-lite`'s own 清明 instants over 1901–2099 (read, for that fit only,
//!    from its internal `solar_term::term_datetime(year, 7)`), which they match
//!    within 8.5 minutes.
//!
//! Step 1 alone matches every row of the published festival table (2020–2027),
//! but over 1901–2099 it is a day late in 1976, 2009, 2042 and 2075, when 清明
//! fell between 23:30 and midnight (2009: 23:33, JPL Horizons too). Nine years
//! of 1901–2099 need step 2; in each the term is at least 10.6 minutes from
//! midnight and the estimate errs by at most 5 minutes, so every year of the
//! calendar gets `lunar-lite`'s own day (the tests list those nine).

use chrono::{Days, NaiveDate, NaiveDateTime, TimeDelta};
use lunar_lite::{
    four_pillars_from_solar_date_with_options, li_chun_datetime, EarthlyBranch, MonthDivide, SolarDate,
    StemBranchOptions, YearDivide,
};

/// 时辰 indexes: the pillars are asked at 00:30 (early 子) and 23:30 (late 子).
const EARLY_ZI: u8 = 0;
const LATE_ZI: u8 = 12;

/// From 立春 to 清明 in 2000, in seconds (59 d 22 h 51 m 54 s), and its change per year.
const LICHUN_TO_QINGMING_2000: i64 = 5_179_914;
const CHANGE_PER_TWO_YEARS: i64 = -83;

/// The day of 清明 in Gregorian `year` (China Standard Time).
pub(super) fn qingming(year: i32) -> Option<NaiveDate> {
    let chen_at = |d: NaiveDate, time_index: u8| month_branch(d, time_index) == Some(EarthlyBranch::Chen);
    let first = (1..=30).filter_map(|day| NaiveDate::from_ymd_opt(year, 4, day)).find(|d| chen_at(*d, LATE_ZI))?;
    if !chen_at(first, EARLY_ZI) {
        return Some(first);
    }
    let midnight = first.and_hms_opt(0, 0, 0)?;
    if estimate(year)? < midnight {
        first.checked_sub_days(Days::new(1))
    } else {
        Some(first)
    }
}

/// The branch of the month pillar on day `d` at the time of 时辰 `time_index`,
/// months changing at the Jie terms (exact second), years at 立春.
fn month_branch(d: NaiveDate, time_index: u8) -> Option<EarthlyBranch> {
    use chrono::Datelike;
    let solar = SolarDate { year: d.year(), month: d.month() as u8, day: d.day() as u8 };
    let exact = StemBranchOptions { year: YearDivide::Exact, month: MonthDivide::Exact };
    let pillars = four_pillars_from_solar_date_with_options(solar, time_index, exact).ok()?;
    Some(pillars.monthly.branch())
}

/// 清明's instant (China Standard Time) estimated from 立春's.
fn estimate(year: i32) -> Option<NaiveDateTime> {
    let t = li_chun_datetime(year).ok()?;
    let lichun = NaiveDate::from_ymd_opt(t.date.year, u32::from(t.date.month), u32::from(t.date.day))?.and_hms_opt(
        u32::from(t.hour),
        u32::from(t.minute),
        u32::from(t.second),
    )?;
    let after = LICHUN_TO_QINGMING_2000 + CHANGE_PER_TWO_YEARS * i64::from(year - 2000) / 2;
    lichun.checked_add_signed(TimeDelta::seconds(after))
}

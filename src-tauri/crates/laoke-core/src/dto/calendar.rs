//! The festival calendar as it crosses IPC and the CLI's `--json`: the festivals
//! of a year (built-in or the shop's own), the dates a shop adds, and China's
//! statutory days off and make-up working days. The rules that produce them are
//! in `crate::festival`; dates cross as `YYYY-MM-DD` strings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a festival's date comes from, which is also how the calendar view groups them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    TS,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FestivalKind {
    /// A day of the Chinese lunar calendar (春节, 中秋, 除夕…).
    Lunar,
    /// A solar term (清明).
    SolarTerm,
    /// The same Gregorian month and day every year (元旦, 双11…).
    Fixed,
    /// A weekday of a month, or Easter (母亲节, 感恩节…).
    Floating,
    /// A shopping event the platforms run, some over several days (618, 年货节…).
    Promotion,
    /// A date the shop added itself (its anniversary, a product launch).
    Shop,
}

impl FestivalKind {
    /// In the order the calendar legend lists them.
    pub const ALL: [FestivalKind; 6] = [
        FestivalKind::Lunar,
        FestivalKind::SolarTerm,
        FestivalKind::Fixed,
        FestivalKind::Floating,
        FestivalKind::Promotion,
        FestivalKind::Shop,
    ];
}

/// One festival on one day. A promotion that runs over several days keeps its main
/// day in `date` and the run in `start` (the run-up opens earlier) or `end` (it
/// lasts after), so every festival can be placed, and reminded of, by `date` alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Festival {
    /// Stable id (`spring_festival`, `double_11`, or the shop's own key): what a care rule names.
    pub key: String,
    pub name_zh: String,
    pub name_en: String,
    pub kind: FestivalKind,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub end: Option<NaiveDate>,
    /// The main day of a big promotion (618, 双11, 双12): the platforms' peak.
    #[serde(default)]
    pub peak: bool,
}

/// A date the shop adds to its calendar: once (in `year`) or every year, on a
/// Gregorian or a lunar month and day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShopDate {
    /// Lowercase letters, digits and `_`; never a built-in festival's key.
    pub key: String,
    /// The seller's name for it, shown in both languages as written.
    pub name: String,
    pub month: u32,
    pub day: u32,
    /// Only in this year (the lunar year for a lunar date); every year when left out.
    #[serde(default)]
    pub year: Option<i32>,
    /// Month and day of the lunar calendar (a 30th falls on the 29th in a short month).
    #[serde(default)]
    pub lunar: bool,
}

/// What a day is for work in mainland China.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    TS,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DayKind {
    /// Monday to Friday, no statutory change.
    Workday,
    /// Saturday or Sunday, no statutory change.
    Weekend,
    /// A statutory day off (放假), whatever its weekday.
    HolidayOff,
    /// A weekend day worked to make up for days off (调休上班).
    MakeupWorkday,
}

impl DayKind {
    pub const ALL: [DayKind; 4] = [DayKind::Workday, DayKind::Weekend, DayKind::HolidayOff, DayKind::MakeupWorkday];

    /// Whether offices and couriers work that day.
    pub fn is_working(self) -> bool {
        matches!(self, DayKind::Workday | DayKind::MakeupWorkday)
    }
}

/// A day the State Council's holiday notice changed: off, or worked in lieu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatutoryDay {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// The holiday it belongs to, as the notice names it (春节, 国庆节…).
    pub name_zh: String,
}

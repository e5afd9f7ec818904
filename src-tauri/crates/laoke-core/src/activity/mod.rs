//! Fan-group activities: reading and checking an activity file, its checklist's
//! due times, its budget, its announcement (the care template engine with the
//! activity's own vocabulary), the planner's warnings, "suggest a month"
//! (`suggest`), and the arithmetic of its results. The store keeps activities
//! and counts the orders; every rule about them is here.
//!
//! Decisions:
//! - Two activities closer than [`SPACING_DAYS`] days tire a group; the planner
//!   warns and the suggestion never does it.
//! - A step without its own time is due at the slot's start; announcing the
//!   winners at the slot's end (the contest is over by then).
//! - ROI = (revenue − cost) / cost to 4 places, cost being the budget's total;
//!   an activity without a cost has no ROI rather than an infinite one.

mod suggest;
#[cfg(test)]
mod tests;
mod types;

use crate::care::rule::time_of_day;
use crate::care::template::{Template, TemplateError};
use crate::dto::{Activity, ActivitySettings, ActivityType, BudgetLine, Clash, Step, StepDue, StepKind};
use crate::error::{ErrorCode, ErrorCodes};
use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use rust_decimal::Decimal;
use serde::Serialize;

pub use suggest::{suggest, MonthPlan};
pub use types::{builtin_types, is_builtin};

/// The fewest days between two activities of one shop.
pub const SPACING_DAYS: u32 = 5;
/// The longest title, budget label and step label, in characters.
pub const TITLE_MAX: usize = 60;
pub const LABEL_MAX: usize = 40;
/// The longest attribution window, in days.
pub const ATTRIBUTION_MAX: u32 = 90;
/// The most activities a month "suggest a month" plans: five days apart, six
/// fit in any month.
pub const CADENCE_MAX: u32 = 6;

/// Why an activity, a type or a result cannot be saved.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(untagged)]
#[strum(prefix = "activity.", serialize_all = "snake_case")]
pub enum ActivityError {
    #[error("the activity file is not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("{path}: missing or not a valid value")]
    FieldInvalid { path: String },
    #[error("there is no activity type {kind:?}")]
    UnknownType { kind: String },
    #[error("a title is 1 to {max} characters")]
    TitleLength { max: usize },
    #[error("{value:?} is not a date that exists (YYYY-MM-DD)")]
    DateInvalid { value: String },
    #[error("{field}: {value:?} is not a time of day (HH:MM)")]
    TimeInvalid { field: String, value: String },
    #[error("the slot ends at {end}, before it starts at {start}")]
    SlotReversed { start: String, end: String },
    #[error("budget line {line}: {value:?} is not an amount")]
    BudgetNotANumber { line: usize, value: String },
    #[error("budget line {line}: {value} is negative")]
    BudgetNegative { line: usize, value: String },
    #[error("budget line {line} needs a label of 1 to {max} characters")]
    BudgetLabel { line: usize, max: usize },
    #[error("step {step} needs a label of 1 to {max} characters")]
    StepLabel { step: usize, max: usize },
    #[error("there is no fan group {name:?}")]
    UnknownGroup { name: String },
    #[error("there is no segment {name:?}")]
    UnknownSegment { name: String },
    #[error("the membership ladder has no tier {name:?}")]
    UnknownTier { name: String },
    #[error("there is no coupon plan {id}")]
    UnknownCouponPlan { id: i64 },
    #[error("the attribution window is 1 to {max} days")]
    AttributionDays { max: u32 },
    #[error("{field} cannot be negative ({value})")]
    NegativeCount { field: String, value: i64 },
    #[error("there is no activity {id}")]
    NotFound { id: i64 },
    #[error("activity {id} has no step {step}")]
    StepNotFound { id: i64, step: u32 },
    #[error("{value:?} is not a month (YYYY-MM)")]
    MonthInvalid { value: String },
    #[error("the cadence is 1 to {max} activities a month")]
    CadenceOutOfRange { max: u32 },
    #[error("a type's key is 1 to 40 lowercase letters, digits or underscores, not {key:?}")]
    TypeKey { key: String },
    #[error("a type needs a name of 1 to {max} characters")]
    TypeName { max: usize },
    #[error("a fan group needs a name of 1 to {max} characters, once")]
    GroupName { max: usize },
    #[error("announcement: {problem}")]
    Template {
        #[serde(flatten)]
        problem: TemplateError,
    },
}

impl ErrorCode for ActivityError {
    fn code(&self) -> &'static str {
        match self {
            // A template's problem keeps its own code.
            ActivityError::Template { problem } => problem.code(),
            other => other.into(),
        }
    }
    fn details(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
    fn is_user_error(&self) -> bool {
        true
    }
}

impl ErrorCodes for ActivityError {
    fn codes() -> Vec<&'static str> {
        <ActivityError as strum::VariantNames>::VARIANTS.iter().copied().filter(|c| *c != "activity.template").collect()
    }
}

/// What an announcement can name: the activity's facts, not a customer's.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    ts_rs::TS,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum AnnouncementVariable {
    /// The shop's name.
    Shop,
    /// The activity's title.
    Title,
    /// Its day, in the announcement's language.
    Date,
    /// Its slot's start, `HH:MM`.
    Time,
    /// The budget's total (the prize pool, the red packets).
    Budget,
    /// The coupon plan's offer and code.
    Coupon,
}

/// Reads an activity file's text. Dates and amounts are looked at first so that a
/// 30 February or a `"12元"` budget gets its own code, not the generic one.
pub fn parse(text: &str) -> Result<Activity, ActivityError> {
    let mut value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ActivityError::NotJson { line: e.line(), column: e.column() })?;
    if let Some(d) = value.get("date").and_then(|d| d.as_str()) {
        if d.trim().parse::<NaiveDate>().is_err() {
            return Err(ActivityError::DateInvalid { value: d.to_owned() });
        }
    }
    if let Some(lines) = value.get_mut("budget").and_then(|b| b.as_array_mut()) {
        for (i, l) in lines.iter_mut().enumerate() {
            if let Some(amount) = l.get_mut("amount") {
                *amount = serde_json::Value::String(amount_of(amount, i + 1)?.to_string());
            }
        }
    }
    serde_path_to_error::deserialize(value).map_err(|e| ActivityError::FieldInvalid { path: e.path().to_string() })
}

/// A budget line's amount as written (a string or a number), refused when it is no
/// amount or below zero.
fn amount_of(v: &serde_json::Value, line: usize) -> Result<Decimal, ActivityError> {
    let text = match v {
        serde_json::Value::String(s) => s.trim().to_owned(),
        serde_json::Value::Number(n) => n.to_string(),
        other => other.to_string(),
    };
    let amount: Decimal = text.parse().map_err(|_| ActivityError::BudgetNotANumber { line, value: text.clone() })?;
    if amount.is_sign_negative() && !amount.is_zero() {
        return Err(ActivityError::BudgetNegative { line, value: text });
    }
    Ok(amount)
}

/// Checks every part of `a` that the core can: its type among `types`, its title,
/// slot, budget, steps, groups (among `settings`) and announcement. Targets,
/// segments and coupon plans are the store's to check.
pub fn check(a: &Activity, types: &[ActivityType], settings: &ActivitySettings) -> Result<(), ActivityError> {
    if !types.iter().any(|t| t.key == a.kind) {
        return Err(ActivityError::UnknownType { kind: a.kind.clone() });
    }
    let title = a.title.trim().chars().count();
    if title == 0 || title > TITLE_MAX {
        return Err(ActivityError::TitleLength { max: TITLE_MAX });
    }
    let (start, end) = slot_times(&a.slot_start, &a.slot_end)?;
    if end <= start {
        return Err(ActivityError::SlotReversed { start: a.slot_start.clone(), end: a.slot_end.clone() });
    }
    for (i, l) in a.budget.iter().enumerate() {
        let n = l.label.trim().chars().count();
        if n == 0 || n > LABEL_MAX {
            return Err(ActivityError::BudgetLabel { line: i + 1, max: LABEL_MAX });
        }
        if l.amount.is_sign_negative() && !l.amount.is_zero() {
            return Err(ActivityError::BudgetNegative { line: i + 1, value: l.amount.to_string() });
        }
    }
    check_steps(&a.steps)?;
    for g in &a.groups {
        if !settings.groups.iter().any(|s| s.name == *g) {
            return Err(ActivityError::UnknownGroup { name: g.clone() });
        }
    }
    if !(1..=ATTRIBUTION_MAX).contains(&a.attribution_days) {
        return Err(ActivityError::AttributionDays { max: ATTRIBUTION_MAX });
    }
    announcement(&a.announcement)?;
    Ok(())
}

/// A checklist's steps: a time of day where one is given, a label on a custom step.
pub fn check_steps(steps: &[Step]) -> Result<(), ActivityError> {
    for (i, s) in steps.iter().enumerate() {
        if let Some(at) = &s.at {
            time_of_day(at)
                .ok_or_else(|| ActivityError::TimeInvalid { field: format!("steps[{i}].at"), value: at.clone() })?;
        }
        let n = s.label.as_deref().map(|l| l.trim().chars().count()).unwrap_or(0);
        if (s.kind == StepKind::Custom && n == 0) || n > LABEL_MAX {
            return Err(ActivityError::StepLabel { step: i + 1, max: LABEL_MAX });
        }
    }
    Ok(())
}

/// An announcement's text as a template of [`AnnouncementVariable`]s.
pub fn announcement(text: &str) -> Result<Template<AnnouncementVariable>, ActivityError> {
    Template::read(text).map_err(|problem| ActivityError::Template { problem })
}

/// A slot's two times.
pub fn slot_times(start: &str, end: &str) -> Result<(NaiveTime, NaiveTime), ActivityError> {
    let time = |field: &str, v: &str| {
        time_of_day(v).ok_or_else(|| ActivityError::TimeInvalid { field: field.into(), value: v.to_owned() })
    };
    Ok((time("slot_start", start)?, time("slot_end", end)?))
}

/// The budget's total, exact (Decimal adds without drift).
pub fn total(budget: &[BudgetLine]) -> Decimal {
    budget.iter().map(|l| l.amount).sum()
}

/// Each step with its local due time: `offset_days` from the activity's day, at
/// the step's time, else the slot's start (announcing winners: the slot's end).
pub fn steps_due(a: &Activity) -> Vec<StepDue> {
    let start = time_of_day(&a.slot_start).unwrap_or_default();
    let end = time_of_day(&a.slot_end).unwrap_or(start);
    a.steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let day = shift(a.date, s.offset_days);
            let at = s.at.as_deref().and_then(time_of_day).unwrap_or(match s.kind {
                StepKind::AnnounceWinners => end,
                _ => start,
            });
            StepDue { index: i as u32, kind: s.kind, label: s.label.clone(), due: day.and_time(at), done: s.done }
        })
        .collect()
}

/// `day` moved by `days` (either way), saturating at the calendar's ends.
pub fn shift(day: NaiveDate, days: i32) -> NaiveDate {
    let n = Days::new(u64::from(days.unsigned_abs()));
    if days >= 0 { day.checked_add_days(n) } else { day.checked_sub_days(n) }.unwrap_or(day)
}

/// The values an announcement is rendered with.
pub struct AnnouncementFacts<'a> {
    pub shop: &'a str,
    pub coupon: &'a str,
    pub english: bool,
}

/// The announcement rendered: plain text, ready to paste into the group. A text
/// that no longer parses (it was checked when saved) is returned as written.
pub fn render(a: &Activity, facts: &AnnouncementFacts) -> String {
    let Ok(t) = announcement(&a.announcement) else { return a.announcement.clone() };
    t.render(|v| match v {
        AnnouncementVariable::Shop => facts.shop.to_owned(),
        AnnouncementVariable::Title => a.title.trim().to_owned(),
        AnnouncementVariable::Date if facts.english => a.date.format("%-d %b").to_string(),
        AnnouncementVariable::Date => format!("{}月{}日", a.date.month(), a.date.day()),
        AnnouncementVariable::Time => a.slot_start.clone(),
        AnnouncementVariable::Budget => total(&a.budget).to_string(),
        AnnouncementVariable::Coupon => facts.coupon.to_owned(),
    })
}

/// Another activity, as the warnings see it.
#[derive(Debug, Clone, Copy)]
pub struct Neighbour<'a> {
    pub id: Option<i64>,
    pub title: &'a str,
    pub date: NaiveDate,
    pub total: Decimal,
}

/// What the planner warns of for an activity on `date` costing `cost`: a big
/// promotion's main day, another activity that day or fewer than
/// [`SPACING_DAYS`] away, and its month over `cap` (`others` hold the rest of the
/// shop's activities; the activity itself is not among them).
pub fn clashes(date: NaiveDate, cost: Decimal, others: &[Neighbour], cap: Option<Decimal>) -> Vec<Clash> {
    let mut out: Vec<Clash> = crate::festival::promotion_peaks(date, date)
        .into_iter()
        .map(|(_, key)| Clash::PromotionDay { festival: key.to_owned() })
        .collect();
    for o in others {
        let days = (o.date - date).num_days().unsigned_abs() as u32;
        if days == 0 {
            out.push(Clash::SameDay { other: o.id, title: o.title.to_owned() });
        } else if days < SPACING_DAYS {
            out.push(Clash::TooClose { other: o.id, title: o.title.to_owned(), days });
        }
    }
    if let Some(cap) = cap {
        let month = |d: NaiveDate| (d.year(), d.month());
        let spent: Decimal =
            cost + others.iter().filter(|o| month(o.date) == month(date)).map(|o| o.total).sum::<Decimal>();
        if spent > cap {
            out.push(Clash::OverBudget { month: date.format("%Y-%m").to_string(), total: spent, cap });
        }
    }
    out
}

/// (revenue − cost) / cost to 4 places; none when nothing was spent.
pub fn roi(revenue: Decimal, cost: Decimal) -> Option<Decimal> {
    (!cost.is_zero()).then(|| crate::stats::ratio(revenue - cost, cost, 4))
}

impl ActivityType {
    /// Its name in the seller's language.
    pub fn name(&self, english: bool) -> &str {
        if english {
            &self.name_en
        } else {
            &self.name_zh
        }
    }

    /// Its announcement in the seller's language.
    pub fn template(&self, english: bool) -> &str {
        if english {
            &self.template_en
        } else {
            &self.template_zh
        }
    }

    /// Its default budget, labelled in the seller's language.
    pub fn budget_in(&self, english: bool) -> Vec<BudgetLine> {
        let label = |l: &crate::dto::TypeBudgetLine| if english { l.label_en.clone() } else { l.label_zh.clone() };
        self.budget.iter().map(|l| BudgetLine { label: label(l), amount: l.amount }).collect()
    }
}

/// The slot a new or suggested activity takes: the evening one (18:30–19:30 by
/// default, the third of the day's), else the last there is, else 20:00–21:00.
pub fn evening_slot(slots: &[crate::dto::Slot]) -> (String, String) {
    slots.get(2).or(slots.last()).map_or(("20:00".into(), "21:00".into()), |s| (s.start.clone(), s.end.clone()))
}

/// `YYYY-MM` as its first day.
pub fn month_start(text: &str) -> Result<NaiveDate, ActivityError> {
    let bad = || ActivityError::MonthInvalid { value: text.to_owned() };
    let (y, m) = text.trim().split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 {
        return Err(bad());
    }
    let day =
        NaiveDate::from_ymd_opt(y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, 1).ok_or_else(bad)?;
    if !crate::festival::YEARS.contains(&day.year()) {
        return Err(bad());
    }
    Ok(day)
}

/// The last day of `first`'s month.
pub fn month_end(first: NaiveDate) -> NaiveDate {
    first.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(first)
}

//! Fan-group activities as they cross IPC and the CLI's JSON: an activity file
//! (`laoke activities add --activity FILE.json`) is an [`Activity`]; the planner
//! shows [`ActivityView`]s (the activity with its steps' due times, its total and
//! its warnings); "suggest a month" answers [`Suggestion`]s. The rules are in
//! `crate::activity`.

use super::Target;
use crate::Platform;
use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One activity in one or more fan groups (or for a target segment) on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Activity {
    /// Given by the archive; absent in an activity file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub id: Option<i64>,
    /// The activity type's key (`guess_price`, `red_packet`, … or the shop's own).
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub date: NaiveDate,
    /// Local `HH:MM` in the shop's time zone.
    pub slot_start: String,
    pub slot_end: String,
    /// The seller's fan groups it runs in, by name.
    #[serde(default)]
    pub groups: Vec<String>,
    /// Or the customers it is for, as a care rule's target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub target: Option<Target>,
    #[serde(default)]
    pub budget: Vec<BudgetLine>,
    /// The checklist; the type's default steps when absent from a file.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// The announcement (a template of `{shop}`, `{title}`, `{date}`, `{time}`,
    /// `{budget}`, `{coupon}`); the type's text when absent from a file.
    #[serde(default)]
    pub announcement: String,
    /// The coupon plan it hands out, whose offer `{coupon}` names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub coupon_plan: Option<i64>,
    /// Purchases by its customers within this many days after it count as its results.
    #[serde(default = "seven")]
    pub attribution_days: u32,
}

fn seven() -> u32 {
    7
}

/// One line of an activity's budget (a red-packet pool, prizes, coupons…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct BudgetLine {
    pub label: String,
    #[ts(type = "string")]
    pub amount: Decimal,
}

/// What a checklist step is; the UI names the built-in ones, a `custom` step its label.
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
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum StepKind {
    /// Announce it in the group ahead (预告).
    PreAnnounce,
    /// Buy or set aside the prizes, load the red packets.
    PreparePrizes,
    /// Remind the group the day before.
    Reminder,
    /// Run it in the group.
    Run,
    /// Announce the winners and hand out prizes.
    AnnounceWinners,
    /// Thank, follow up, post the buyer shows.
    FollowUp,
    /// A step the seller wrote.
    Custom,
}

/// One step of an activity's checklist, due `offset_days` from the activity's
/// day at `at` (or the slot's start; announcing winners: the slot's end).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Step {
    pub kind: StepKind,
    /// The seller's words for the step (a custom step's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub label: Option<String>,
    #[serde(default)]
    pub offset_days: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub at: Option<String>,
    #[serde(default)]
    pub done: bool,
}

/// A step with its due time worked out (local, shop time).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepDue {
    /// Its place in the activity's checklist (what ticking it names).
    pub index: u32,
    pub kind: StepKind,
    pub label: Option<String>,
    pub due: NaiveDateTime,
    pub done: bool,
}

/// An activity as the planner shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActivityView {
    #[ts(type = "number")]
    pub id: i64,
    pub activity: Activity,
    /// The budget's total.
    #[ts(type = "string")]
    pub total: Decimal,
    pub steps: Vec<StepDue>,
    /// The announcement rendered (plain text, ready to copy).
    pub announcement: String,
    pub warnings: Vec<Clash>,
    pub results: Option<ActivityResults>,
}

/// What the planner warns of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Clash {
    /// On a big promotion's main day (618, 双11, 双12): the group is busy with it.
    PromotionDay { festival: String },
    /// Another activity on the same day.
    SameDay {
        #[ts(type = "number | null")]
        other: Option<i64>,
        title: String,
    },
    /// Another activity fewer than the spacing's days away.
    TooClose {
        #[ts(type = "number | null")]
        other: Option<i64>,
        title: String,
        days: u32,
    },
    /// The month's budgets add up to more than the monthly cap.
    OverBudget {
        month: String,
        #[ts(type = "string")]
        total: Decimal,
        #[ts(type = "string")]
        cap: Decimal,
    },
}

/// An activity's results: counted by the seller (participants, new members)
/// and from the imported orders (purchases by its customers in the window).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActivityResults {
    pub participants: u32,
    pub new_members: u32,
    /// Purchases attributed to it.
    pub orders: u32,
    #[ts(type = "string")]
    pub revenue: Decimal,
    /// The budget's total.
    #[ts(type = "string")]
    pub cost: Decimal,
    /// (revenue − cost) / cost, 4 places; none without a cost.
    #[ts(type = "string | null")]
    pub roi: Option<Decimal>,
    /// Whose purchases count: its target, its groups' segments, or (a group
    /// without a segment) every buyer of the groups' platforms.
    pub attributed_to: Attribution,
    /// The last day of the window (inclusive).
    pub window_end: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum Attribution {
    Target,
    GroupSegments,
    GroupPlatforms,
    Everyone,
}

/// An activity type: its names, default checklist, announcement and budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ActivityType {
    /// Lowercase letters, digits and `_`.
    pub key: String,
    pub name_zh: String,
    pub name_en: String,
    pub steps: Vec<Step>,
    pub template_zh: String,
    pub template_en: String,
    #[serde(default)]
    pub budget: Vec<TypeBudgetLine>,
    /// Built in (editable; deleting the edit restores it) or the shop's own.
    #[serde(default)]
    pub builtin: bool,
}

/// A type's default budget line, named in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct TypeBudgetLine {
    pub label_zh: String,
    pub label_en: String,
    #[ts(type = "string")]
    pub amount: Decimal,
}

/// One of the seller's fan groups (a 淘宝群聊, a WeChat group…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct FanGroup {
    pub name: String,
    pub platform: Platform,
    pub members: u32,
    /// The segment that holds its members, when the seller keeps one: an
    /// activity in the group attributes their purchases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub segment: Option<String>,
}

/// A posting slot: when a group reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Slot {
    pub start: String,
    pub end: String,
}

/// The planner's settings: groups, slots, cadence, the monthly budget cap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export)]
pub struct ActivitySettings {
    pub groups: Vec<FanGroup>,
    pub slots: Vec<Slot>,
    /// Activities a month that "suggest a month" aims for.
    pub cadence: u32,
    /// The most a month's activities should cost; none: no cap.
    #[ts(type = "string | null")]
    pub monthly_budget_cap: Option<Decimal>,
}

impl Default for ActivitySettings {
    fn default() -> Self {
        let slot = |start: &str, end: &str| Slot { start: start.into(), end: end.into() };
        ActivitySettings {
            groups: Vec::new(),
            // The hours the seed articles say a group reads.
            slots: vec![slot("08:00", "10:00"), slot("13:00", "14:00"), slot("18:30", "19:30"), slot("22:00", "23:00")],
            cadence: 2,
            monthly_budget_cap: None,
        }
    }
}

/// A suggested activity: what "suggest a month" would plan, and why that day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Suggestion {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub date: NaiveDate,
    pub slot_start: String,
    pub slot_end: String,
    pub budget: Vec<BudgetLine>,
    /// The budget's total.
    #[ts(type = "string")]
    pub total: Decimal,
    pub why: Vec<Why>,
    pub clashes: Vec<Clash>,
}

/// One reason a day was suggested.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Why {
    /// In the return period after a big promotion (`days` after its main day).
    ReturnPeriod { festival: String, days: u32 },
    /// `days` before a festival, when buyers shop for it.
    BeforeFestival { festival: String, days: u32 },
    /// A weekend evening, when groups read most.
    Weekend,
    /// Nothing special that week: it keeps the group alive at an even pace.
    Spacing,
}

/// The suggestions for a month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MonthSuggestion {
    pub activities: Vec<Suggestion>,
}

/// A step due on a day, for the Today worklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActivityStepItem {
    #[ts(type = "number")]
    pub activity_id: i64,
    pub title: String,
    pub activity_date: NaiveDate,
    pub step: StepDue,
}

/// What the planner draws for a span of days: the activities, and underneath
/// them the festival and promotion calendar and the statutory days off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActivityCalendar {
    pub activities: Vec<ActivityView>,
    pub festivals: Vec<super::Festival>,
    pub statutory: Vec<super::StatutoryDay>,
}

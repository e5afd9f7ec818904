//! Care rules and the messages they plan, as they cross IPC and the CLI's JSON.
//! A rule file (`laoke care rules add --rule FILE.json`) is a [`CareRule`] in
//! this shape; the outbox rows are [`CareMessage`]s.

use crate::segment::Filter;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One care rule: when (trigger), to whom (target), what (template), how
/// (channel), at what time of day, and whether it is care or marketing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CareRule {
    /// Given by the archive; absent in a rule file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub id: Option<i64>,
    pub name: String,
    pub trigger: Trigger,
    /// `null`: everyone; `{"segment": NAME}`; `{"filter": …}`.
    #[serde(default)]
    pub target: Option<Target>,
    pub channel: Channel,
    /// Local time of day in the shop's time zone, `HH:MM`.
    pub send_at: String,
    #[serde(default)]
    pub priority: Priority,
    pub template: String,
    /// The text for customers of the English-speaking platforms (Shopify,
    /// WooCommerce, Etsy), where the seller writes one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub template_en: Option<String>,
    /// An email's subject (a template too); the rule's name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub subject: Option<String>,
    /// What `{coupon}` says (a code or an offer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub coupon: Option<String>,
    /// The coupon plan the rule hands out: `{coupon}` says its offer where `coupon` is empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub coupon_plan: Option<i64>,
    /// Move a day that is a weekend or a statutory day off to the next working day.
    #[serde(default)]
    pub working_days_only: bool,
    /// Email goes out by itself when due (the scheduler); otherwise the seller sends it.
    #[serde(default)]
    pub auto_send: bool,
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

/// What makes a rule fire. Days count whole local days in the shop's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, strum::IntoStaticStr, strum::VariantNames)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum Trigger {
    /// A festival of the calendar (built-in or the shop's own), `days_before` it.
    Festival {
        key: String,
        #[serde(default)]
        days_before: u32,
    },
    /// The customer's birthday, solar or lunar as their profile says.
    Birthday {
        #[serde(default)]
        days_before: u32,
    },
    /// `days` after an order was paid, shipped or completed.
    AfterPurchase {
        days: u32,
        #[serde(default)]
        from: Milestone,
    },
    /// `days_after` the customer became sleeping (from the stage history).
    BecameSleeping {
        #[serde(default)]
        days_after: u32,
    },
    /// The customer moved up the membership ladder.
    TierUpgrade {
        #[serde(default)]
        days_after: u32,
    },
    /// The anniversary of the first purchase.
    Anniversary {
        #[serde(default)]
        days_before: u32,
    },
    /// An order still unpaid in the latest import, `minutes` after it was created (催付).
    Unpaid { minutes: u32 },
    /// A one-off message on that day.
    Campaign { date: NaiveDate },
}

/// The order event an after-purchase rule counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum Milestone {
    #[default]
    Paid,
    Shipped,
    Completed,
}

/// Who a rule writes to, beyond the guards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[ts(export)]
pub enum Target {
    /// A saved segment, by name.
    Segment(String),
    /// The members of a tier of the membership ladder, by name.
    Tier(String),
    /// Conditions in the filter language of `laoke customers --filter`.
    Filter(Filter),
}

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
pub enum Channel {
    Email,
    Sms,
    Wechat,
    Wangwang,
}

/// Care outranks marketing under the caps; transactional messages (payment
/// reminders) are not capped by the week at all.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    Deserialize,
    TS,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum Priority {
    #[default]
    Care,
    Marketing,
    Transactional,
}

/// Where a message is in its life. `planned` and `skipped` may still change
/// when the plan is made again; the others have gone out (or may have) and never do.
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
pub enum MessageStatus {
    Planned,
    Skipped,
    /// Copied to the clipboard for Wangwang/WeChat (counted as sent).
    Copied,
    /// Written to an SMS list for the seller's SMS platform.
    Exported,
    Sent,
    /// The server refused it; `error` holds its reply. Nothing was delivered.
    Failed,
    /// Handed to the mail server, but the answer never came back (the app was
    /// closed or killed): it may have arrived. Never resent by itself.
    Ambiguous,
}

impl MessageStatus {
    /// Whether the message has gone out, or may have: it is final and counts against the caps.
    pub fn is_out(self) -> bool {
        matches!(self, MessageStatus::Copied | MessageStatus::Exported | MessageStatus::Sent | MessageStatus::Ambiguous)
    }

    /// Whether planning may still change or remove it.
    pub fn is_open(self) -> bool {
        matches!(self, MessageStatus::Planned | MessageStatus::Skipped)
    }
}

/// Why a message will not go out. The guards decide, in one place (`care::guard`).
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
pub enum SkipReason {
    /// The customer asked not to be disturbed.
    Dnd,
    /// No address for the rule's channel (no email, no unmasked phone, …).
    NoAddress,
    /// The customer's weekly limit of messages is reached.
    Cap,
    /// The customer's weekly limit of marketing messages is reached.
    MarketingCap,
    /// One SMS per phone per day.
    SmsDaily,
    /// The customer bought in the last days: no marketing.
    MarketingAfterPurchase,
}

/// One message of the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CareMessage {
    /// Rule + customer + occasion: the same occasion is always the same message.
    pub key: String,
    #[ts(type = "number")]
    pub customer_id: i64,
    /// None for a message the seller sent by hand.
    #[ts(type = "number | null")]
    pub rule_id: Option<i64>,
    pub rule_name: Option<String>,
    pub nick: String,
    /// RFC 3339 with the shop's offset.
    pub due: String,
    /// The local day it belongs to.
    pub day: NaiveDate,
    pub channel: Channel,
    /// The address: email, phone, WeChat id or Wangwang nick; none when skipped for lack of one.
    pub to: Option<String>,
    pub priority: Priority,
    pub status: MessageStatus,
    pub reason: Option<SkipReason>,
    /// For a capped message: the message that took its place.
    pub displaced_by: Option<String>,
    pub subject: Option<String>,
    pub text: String,
    /// A failed send's server reply.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CarePlan {
    pub messages: Vec<CareMessage>,
}

/// The caps, quiet hours and SMS signature every message is held to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CareSettings {
    /// `HH:MM`, shop time: nothing goes out from here…
    pub quiet_start: String,
    /// …until here (the next morning when it is earlier).
    pub quiet_end: String,
    /// Messages of any kind per customer in any 7 days (payment reminders aside).
    pub max_per_week: u32,
    /// Marketing messages per customer in any 7 days.
    pub max_marketing_per_week: u32,
    /// No marketing to a customer who bought within this many days.
    pub no_marketing_after_purchase_days: u32,
    /// The 【…】 signature of SMS; the shop's name when empty.
    pub sms_signature: String,
}

impl Default for CareSettings {
    fn default() -> Self {
        CareSettings {
            quiet_start: "21:00".into(),
            quiet_end: "09:00".into(),
            max_per_week: 2,
            max_marketing_per_week: 1,
            no_marketing_after_purchase_days: 2,
            sms_signature: String::new(),
        }
    }
}

/// What one round of sending email did.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EmailReport {
    /// Accepted by the mail server.
    pub sent: u32,
    /// Refused or not reachable, with the server's reply (or the connection's error).
    pub failed: Vec<FailedEmail>,
    /// Messages of those days left possibly sent by an earlier run that stopped
    /// midway; never sent again by themselves.
    pub ambiguous: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FailedEmail {
    pub key: String,
    pub error: String,
}

/// A rule's message rendered for one real customer, as the rule editor shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CarePreview {
    #[ts(type = "number")]
    pub customer_id: i64,
    pub nick: String,
    /// The customer's address on the rule's channel, if they have one.
    pub to: Option<String>,
    pub subject: Option<String>,
    pub text: String,
    /// For SMS: the billed length and parts of `text` (signature and opt-out included).
    pub sms: Option<crate::care::sms::SmsLength>,
}

/// One day of the care calendar: its festivals and statutory status, and what
/// each rule will send (or skip) that day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CareDay {
    pub date: NaiveDate,
    pub festivals: Vec<super::Festival>,
    /// A statutory day off or make-up working day, where the table knows it.
    pub statutory: Option<super::StatutoryDay>,
    pub rules: Vec<CareDayRule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CareDayRule {
    /// None: messages the seller sent by hand.
    #[ts(type = "number | null")]
    pub rule_id: Option<i64>,
    pub rule_name: Option<String>,
    pub channel: Channel,
    /// Planned or gone out.
    pub messages: u32,
    pub skipped: u32,
}

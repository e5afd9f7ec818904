//! Reading and checking a care rule. A rule file is refused whole, with the part
//! that is wrong in the error's parameters (an unknown trigger, a festival the
//! calendar does not know, `{nik}`, `25:00`), before anything is saved; a rule
//! that passes is a [`CheckedRule`] with its templates parsed once.

use super::template::{Template, TemplateError};
use crate::dto::{CareRule, Priority, ShopDate, Trigger};
use crate::error::{ErrorCode, ErrorCodes};
use chrono::NaiveTime;
use serde::Serialize;

/// Which text of a rule a template problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::Display)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum TemplateField {
    Template,
    TemplateEn,
    Subject,
}

/// Why a care rule cannot be saved.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(untagged)]
#[strum(prefix = "care.", serialize_all = "snake_case")]
pub enum CareError {
    #[error("the rule file is not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("unknown trigger kind {kind:?}")]
    UnknownTrigger { kind: String },
    #[error("{path}: missing or not a valid value")]
    FieldInvalid { path: String },
    #[error("a rule needs a name of 1 to {max} characters")]
    NameLength { max: usize },
    #[error("the calendar has no festival {key:?}")]
    UnknownFestival { key: String },
    #[error("send time {value:?} is not a time of day (HH:MM)")]
    SendAtInvalid { value: String },
    #[error("{field}: at most {max}")]
    DaysOutOfRange { field: String, max: u32 },
    #[error("only payment reminders (unpaid) are transactional")]
    TransactionalNotUnpaid,
    #[error("there is no segment {name:?}")]
    UnknownSegment { name: String },
    #[error("the membership ladder has no tier {name:?}")]
    UnknownTier { name: String },
    #[error("the coupon text is at most {max} characters")]
    CouponTooLong { max: usize },
    #[error("an SMS needs a signature: set care.sms_signature or the shop's name")]
    SmsSignatureMissing,
    #[error("there is no coupon plan {id}")]
    UnknownCouponPlan { id: i64 },
    #[error("there is no care rule {id}")]
    RuleNotFound { id: i64 },
    #[error("a plan covers at most {max} days ({from} to {to})")]
    PlanSpan { from: chrono::NaiveDate, to: chrono::NaiveDate, max: i64 },
    #[error("no message {key:?} in the outbox")]
    MessageNotFound { key: String },
    #[error("message {key:?} is {status:?}, not planned: it cannot be marked again")]
    MessageNotPlanned { key: String, status: crate::dto::MessageStatus },
    #[error("{field}: {problem}")]
    Template {
        field: TemplateField,
        #[serde(flatten)]
        problem: TemplateError,
    },
}

impl ErrorCode for CareError {
    fn code(&self) -> &'static str {
        match self {
            // A template's problem keeps its own code; the field is a parameter.
            CareError::Template { problem, .. } => problem.code(),
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

impl ErrorCodes for CareError {
    fn codes() -> Vec<&'static str> {
        let own = <CareError as strum::VariantNames>::VARIANTS.iter().copied().filter(|c| *c != "care.template");
        own.chain(TemplateError::codes()).collect()
    }
}

/// The longest rule name and coupon text, in characters.
pub const NAME_MAX: usize = 40;
pub const COUPON_MAX: usize = 100;
/// The most days a trigger can count before or after its occasion.
pub const DAYS_MAX: u32 = 366;
/// The longest wait of a payment reminder: a week, in minutes.
pub const UNPAID_MINUTES_MAX: u32 = 7 * 24 * 60;

/// A rule whose every part was checked.
#[derive(Debug, Clone)]
pub struct CheckedRule {
    pub rule: CareRule,
    pub send_at: NaiveTime,
    pub template: Template,
    pub template_en: Option<Template>,
    pub subject: Template,
}

impl CheckedRule {
    /// What its messages count as: a payment reminder is always transactional.
    pub fn priority(&self) -> Priority {
        match self.rule.trigger {
            Trigger::Unpaid { .. } => Priority::Transactional,
            _ => self.rule.priority,
        }
    }

    pub fn id(&self) -> i64 {
        self.rule.id.unwrap_or_default()
    }
}

/// Reads a rule file's text; the rule still has to pass [`check`].
pub fn parse(text: &str) -> Result<CareRule, CareError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| CareError::NotJson { line: e.line(), column: e.column() })?;
    if let Some(kind) = value.get("trigger").and_then(|t| t.get("kind")).and_then(|k| k.as_str()) {
        if !<Trigger as strum::VariantNames>::VARIANTS.contains(&kind) {
            return Err(CareError::UnknownTrigger { kind: kind.to_owned() });
        }
    }
    serde_path_to_error::deserialize(value).map_err(|e| CareError::FieldInvalid { path: e.path().to_string() })
}

/// `HH:MM` (00:00–23:59) as a time of day.
pub fn time_of_day(text: &str) -> Option<NaiveTime> {
    let (h, m) = text.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Checks every part of `rule`; `shop_dates` are the festivals the shop added.
/// The target's segment is the store's to check (it knows the segments).
pub fn check(rule: &CareRule, shop_dates: &[ShopDate]) -> Result<CheckedRule, CareError> {
    let name = rule.name.trim().chars().count();
    if name == 0 || name > NAME_MAX {
        return Err(CareError::NameLength { max: NAME_MAX });
    }
    let days = |field: &str, v: u32, max: u32| {
        if v > max {
            Err(CareError::DaysOutOfRange { field: format!("trigger.{field}"), max })
        } else {
            Ok(())
        }
    };
    match &rule.trigger {
        Trigger::Festival { key, days_before } => {
            if !crate::festival::is_known(key, shop_dates) {
                return Err(CareError::UnknownFestival { key: key.clone() });
            }
            days("days_before", *days_before, DAYS_MAX)?;
        }
        Trigger::Birthday { days_before } | Trigger::Anniversary { days_before } => {
            days("days_before", *days_before, DAYS_MAX)?
        }
        Trigger::AfterPurchase { days: d, .. } => days("days", *d, DAYS_MAX)?,
        Trigger::BecameSleeping { days_after } | Trigger::TierUpgrade { days_after } => {
            days("days_after", *days_after, DAYS_MAX)?
        }
        Trigger::Unpaid { minutes } => days("minutes", *minutes, UNPAID_MINUTES_MAX)?,
        Trigger::Campaign { .. } => {}
    }
    if rule.priority == Priority::Transactional && !matches!(rule.trigger, Trigger::Unpaid { .. }) {
        return Err(CareError::TransactionalNotUnpaid);
    }
    let send_at = time_of_day(&rule.send_at).ok_or_else(|| CareError::SendAtInvalid { value: rule.send_at.clone() })?;
    if rule.coupon.as_deref().is_some_and(|c| c.chars().count() > COUPON_MAX) {
        return Err(CareError::CouponTooLong { max: COUPON_MAX });
    }
    let parse = |field, text: &str| Template::parse(text).map_err(|problem| CareError::Template { field, problem });
    Ok(CheckedRule {
        send_at,
        template: parse(TemplateField::Template, &rule.template)?,
        template_en: rule.template_en.as_deref().map(|t| parse(TemplateField::TemplateEn, t)).transpose()?,
        subject: parse(TemplateField::Subject, rule.subject.as_deref().unwrap_or(rule.name.trim()))?,
        rule: rule.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dto::{Channel, Target};

    const BIRTHDAY: &str = r#"{"name": "生日祝福", "trigger": {"kind": "birthday", "days_before": 0},
        "target": null, "channel": "email", "send_at": "10:00", "priority": "care",
        "template": "{nick}，生日快乐！{shop} 为你准备了一份小礼物。", "auto_send": false, "enabled": true}"#;

    fn with(field: &str, value: serde_json::Value) -> String {
        let mut v: serde_json::Value = serde_json::from_str(BIRTHDAY).unwrap();
        v[field] = value;
        v.to_string()
    }

    #[test]
    fn the_issue_example_reads_and_checks() {
        let rule = parse(BIRTHDAY).unwrap();
        assert_eq!(rule.trigger, Trigger::Birthday { days_before: 0 });
        assert_eq!((rule.channel, rule.target.clone(), rule.enabled), (Channel::Email, None, true));
        let checked = check(&rule, &[]).unwrap();
        assert_eq!(checked.send_at, NaiveTime::from_hms_opt(10, 0, 0).unwrap());
        assert_eq!(checked.priority(), Priority::Care);
        let seg = parse(&with("target", serde_json::json!({"segment": "VIP"}))).unwrap();
        assert_eq!(seg.target, Some(Target::Segment("VIP".into())));
        let filter = parse(&with(
            "target",
            serde_json::json!({"filter": {"match": "all", "rules": [{"field": "stage", "op": "in", "values": ["loyal"]}]}}),
        ));
        assert!(matches!(filter, Ok(CareRule { target: Some(Target::Filter(_)), .. })), "{filter:?}");
    }

    #[test]
    fn every_kind_of_bad_rule_has_its_own_code() {
        let code = |text: &str| {
            let e = parse(text).and_then(|r| check(&r, &[]).map(|_| ())).unwrap_err();
            (e.code(), e.details())
        };
        assert_eq!(code("{\"name\": ").0, "care.not_json");
        let (c, d) = code(&with("trigger", serde_json::json!({"kind": "wedding"})));
        assert_eq!((c, d["kind"].as_str()), ("care.unknown_trigger", Some("wedding")));
        let (c, d) = code(&with("trigger", serde_json::json!({"kind": "festival", "key": "diwali"})));
        assert_eq!((c, d["key"].as_str()), ("care.unknown_festival", Some("diwali")));
        let (c, d) = code(&with("template", "你好 {nik}".into()));
        assert_eq!(
            (c, d["name"].as_str(), d["field"].as_str()),
            ("template.unknown_variable", Some("nik"), Some("template"))
        );
        assert_eq!(code(&with("template", "你好 {nick".into())).0, "template.unclosed");
        let (c, d) = code(&with("send_at", "25:00".into()));
        assert_eq!((c, d["value"].as_str()), ("care.send_at_invalid", Some("25:00")));
        let (c, d) = code(&with("channel", "fax".into()));
        assert_eq!((c, d["path"].as_str()), ("care.field_invalid", Some("channel")));
        assert_eq!(code(&with("colour", "red".into())).0, "care.field_invalid");
        assert_eq!(code(&with("name", " ".into())).0, "care.name_length");
        assert_eq!(code(&with("priority", "transactional".into())).0, "care.transactional_not_unpaid");
        let (c, d) = code(&with("trigger", serde_json::json!({"kind": "after_purchase", "days": 400})));
        assert_eq!((c, d["field"].as_str()), ("care.days_out_of_range", Some("trigger.days")));
        assert!(CareError::codes().contains(&"template.unknown_variable"));
        assert!(!CareError::codes().contains(&"care.template"));
    }

    #[test]
    fn times_of_day() {
        assert_eq!(time_of_day("9:05"), NaiveTime::from_hms_opt(9, 5, 0));
        for bad in ["25:00", "10:60", "1000", "10:0", "", "ab:cd"] {
            assert_eq!(time_of_day(bad), None, "{bad}");
        }
    }
}

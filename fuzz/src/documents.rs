//! Targets for the files a seller writes by hand: a message template, a tier ladder,
//! a segment filter, a care rule and an activity. Each is read, checked and, when it
//! passes, used the way the app uses it (rendered, compiled, matched, planned), so a
//! document that passes the checks cannot panic later either.

use crate::assert_coded;
use chrono::NaiveDate;
use laoke_core::activity::{self, AnnouncementFacts, AnnouncementVariable};
use laoke_core::care::{self, template::Template, Variable};
use laoke_core::dto::ActivitySettings;
use laoke_core::segment::{self, Condition, Context, CustomerFacts, Filter, Forecast, Rule};
use laoke_core::tier::TierLadder;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// A care template and an announcement template of the same text.
pub fn template(data: &[u8]) {
    let Some(text) = text(data) else { return };
    match Template::parse(text) {
        Ok(t) => {
            let _ = t.variables();
            let out = t.render(|v| <&str>::from(v).to_owned());
            let _ = care::sms::sms_length(&out);
        }
        Err(e) => assert_coded(&e, &["template."]),
    }
    match Template::<AnnouncementVariable>::read(text) {
        Ok(t) => drop(t.render(|v| <&str>::from(v).to_owned())),
        Err(e) => assert_coded(&e, &["template."]),
    }
}

/// A `--ladder` file: read (serde refuses what is no ladder), validated, and a valid
/// ladder asked which tier a few standings earn.
pub fn ladder(data: &[u8]) {
    let Ok(ladder) = serde_json::from_slice::<TierLadder>(data) else { return };
    match ladder.validate() {
        Ok(()) => {
            for (value, purchases) in [(Decimal::ZERO, 0), (Decimal::new(49_999, 2), 3), (Decimal::MAX, u32::MAX)] {
                if let Some(i) = ladder.tier_of(value, purchases) {
                    assert!(i < ladder.tiers.len());
                }
            }
            let _ = serde_json::to_string(&ladder);
        }
        Err(e) => assert_coded(&e, &["ladder."]),
    }
}

/// A segment's filter JSON: compiled as the store compiles it, then matched.
pub fn segment(data: &[u8]) {
    let Ok(filter) = serde_json::from_slice::<Filter>(data) else { return };
    let tags = HashMap::from([("老客".to_owned(), 1), ("vip".to_owned(), 2)]);
    let shops = HashMap::from([("江南茶铺".to_owned(), vec![1, 3])]);
    let bought = |_: &Condition| HashSet::from([1_i64]);
    let today = NaiveDate::from_ymd_opt(2026, 3, 1).expect("a day");
    let tz = chrono_tz::Asia::Shanghai;
    let ctx = Context { today, tz, tags: &tags, shops: &shops, bought: &bought };
    for c in conditions(&filter) {
        let _ = segment::bought_on_bounds(c, today, tz);
    }
    match segment::compile(&filter, &ctx) {
        Ok(p) => {
            for c in facts() {
                let _ = p.matches(&c);
            }
        }
        Err(e) => assert_coded(&e, &["filter."]),
    }
}

fn conditions(f: &Filter) -> Vec<&Condition> {
    let mut out = Vec::new();
    for r in &f.rules {
        match r {
            Rule::Condition(c) => out.push(c),
            Rule::Group(g) => out.extend(conditions(g)),
        }
    }
    out
}

/// Two customers: one with every fact set, one with none.
fn facts() -> [CustomerFacts; 2] {
    let full = CustomerFacts {
        id: 1,
        platform: Some(laoke_core::Platform::Taobao),
        buyer_id: "tb_1".into(),
        nick: "江南".into(),
        haystack: "江南 tb_1".into(),
        province: Some("浙江".into()),
        city: Some("杭州".into()),
        gender: Some('f'),
        tier: Some("VIP会员".into()),
        stage: Some(laoke_core::lifecycle::Stage::Loyal),
        rfm: Some(laoke_core::rfm::RfmScore { r: 5, f: 4, m: 3 }),
        value: Decimal::new(123_456, 2),
        purchases: 7,
        orders: 8,
        first_purchase: Some(1_600_000_000),
        last_purchase: Some(1_770_000_000),
        first_order: Some(1_600_000_000),
        last_order: Some(1_770_000_000),
        birthday_month: Some(3),
        dnd: false,
        tags: Box::new([1]),
        shops: Box::new([1]),
        forecast: Some(Forecast { p_alive: Decimal::new(5, 1), expected_90d: Decimal::ONE, clv: Decimal::TEN }),
    };
    let empty = CustomerFacts {
        id: 2,
        platform: None,
        buyer_id: "".into(),
        nick: "".into(),
        haystack: "".into(),
        province: None,
        city: None,
        gender: None,
        tier: None,
        stage: None,
        rfm: None,
        value: Decimal::ZERO,
        purchases: 0,
        orders: 0,
        first_purchase: None,
        last_purchase: None,
        first_order: None,
        last_order: None,
        birthday_month: None,
        dnd: true,
        tags: Box::new([]),
        shops: Box::new([]),
        forecast: None,
    };
    [full, empty]
}

/// A care rule file: read, checked, and a checked rule's templates rendered.
pub fn care_rule(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let rule = match care::parse(text) {
        Ok(rule) => rule,
        Err(e) => return assert_coded(&e, &["care.", "template."]),
    };
    match care::check(&rule, &[]) {
        Ok(checked) => {
            let fill = |v: Variable| <&str>::from(v).to_owned();
            let body = checked.template.render(fill);
            let _ = care::sms::sms_text(&body, "【江南茶铺】");
            let _ = checked.subject.render(fill);
            let _ = checked.template_en.as_ref().map(|t| t.render(fill));
            let _ = checked.priority();
        }
        Err(e) => assert_coded(&e, &["care.", "template."]),
    }
}

/// An activity file: read, checked against the built-in types and the default
/// settings, and a checked activity's checklist, budget and announcement worked out.
pub fn activity(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let a = match activity::parse(text) {
        Ok(a) => a,
        Err(e) => return assert_coded(&e, &["activity.", "template."]),
    };
    match activity::check(&a, &activity::builtin_types(), &ActivitySettings::default()) {
        Ok(()) => {
            let _ = activity::steps_due(&a);
            let _ = activity::total(&a.budget);
            for english in [false, true] {
                let _ = activity::render(&a, &AnnouncementFacts { shop: "江南茶铺", coupon: "满100减10", english });
            }
        }
        Err(e) => assert_coded(&e, &["activity.", "template."]),
    }
}

//! Planning on hand-made customers: each trigger, the local-day rule across a
//! daylight-saving change, quiet hours, rendering and the guards across rules.

use super::*;
use crate::care::rule::{check, parse};
use crate::dto::{CareRule, Priority};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn rule(id: i64, json: serde_json::Value) -> CheckedRule {
    let mut base = serde_json::json!({
        "name": "生日祝福", "trigger": {"kind": "birthday"}, "channel": "wangwang", "send_at": "10:00",
        "template": "{nick}，生日快乐！{shop} 为你准备了一份小礼物。"
    });
    for (k, v) in json.as_object().unwrap() {
        base[k] = v.clone();
    }
    let mut r: CareRule = parse(&base.to_string()).unwrap();
    r.id = Some(id);
    check(&r, &[]).unwrap()
}

fn customer(id: i64, nick: &str) -> Recipient {
    Recipient { id, platform: Some(Platform::Taobao), buyer_id: nick.into(), nick: nick.into(), ..Recipient::default() }
}

fn planning(from: NaiveDate, to: NaiveDate, tz: Tz, limits: &CareSettings) -> Planning<'_> {
    Planning { from, to, tz, limits, shop: "老客茶铺", shop_dates: &[] }
}

fn plan_one(rule: &CheckedRule, p: &Planning, people: Vec<Recipient>) -> Vec<Planned> {
    let occasions = calendar_occasions(rule, p, people.iter());
    let map: HashMap<i64, Recipient> = people.into_iter().map(|r| (r.id, r)).collect();
    messages(rule, p, &occasions, &map, &HashMap::new())
}

#[test]
fn a_birthday_greeting_on_the_day_at_ten_shop_time() {
    let limits = CareSettings::default();
    let p = planning(d(2026, 12, 1), d(2026, 12, 31), chrono_tz::Asia::Shanghai, &limits);
    let mut mei = customer(7, "小美<b>");
    mei.birthday = Some((12, 5, false));
    let mut lunar = customer(8, "阿强");
    // 腊月初八 2026 of the lunar calendar is 2027-01-15: outside December.
    lunar.birthday = Some((12, 8, true));
    let mut leap = customer(9, "阿珍");
    // 十一月初二 of the lunar year 2026 is 2026-12-10 (Python's lunardate agrees).
    leap.birthday = Some((11, 2, true));
    let m = plan_one(&rule(3, serde_json::json!({})), &p, vec![mei, lunar, leap]);
    assert_eq!(m.len(), 2, "{m:?}");
    assert_eq!(m[0].key, "r3:c7:b2026-12-05");
    assert_eq!(m[0].due, Utc.with_ymd_and_hms(2026, 12, 5, 2, 0, 0).unwrap());
    assert_eq!(m[0].text, "小美<b>，生日快乐！老客茶铺 为你准备了一份小礼物。");
    assert_eq!(m[0].to.as_deref(), Some("小美<b>"));
    assert_eq!((m[0].channel, m[0].priority), (Channel::Wangwang, Priority::Care));
    assert_eq!(m[1].key, "r3:c9:b2026-12-10");
}

#[test]
fn days_before_and_the_local_day_across_daylight_saving() {
    // New York moves its clocks on 2026-03-08 (02:00 → 03:00) and 2026-11-01 (02:00 → 01:00).
    let limits = CareSettings { quiet_start: "00:00".into(), quiet_end: "00:00".into(), ..CareSettings::default() };
    let tz = chrono_tz::America::New_York;
    let p = planning(d(2026, 3, 1), d(2026, 11, 30), tz, &limits);
    let mut spring = customer(1, "spring");
    spring.birthday = Some((3, 9, false));
    let mut autumn = customer(2, "autumn");
    autumn.birthday = Some((11, 2, false));
    let m = plan_one(
        &rule(1, serde_json::json!({"trigger": {"kind": "birthday", "days_before": 1}, "send_at": "00:30"})),
        &p,
        vec![spring, autumn],
    );
    let local: Vec<String> = m.iter().map(|m| m.due.with_timezone(&tz).to_rfc3339()).collect();
    // The day before each birthday, at 00:30 of that local day, whatever the offset.
    assert_eq!(local, vec!["2026-03-08T00:30:00-05:00", "2026-11-01T00:30:00-04:00"]);
    assert_eq!(m.iter().map(|m| m.day).collect::<Vec<_>>(), vec![d(2026, 3, 8), d(2026, 11, 1)]);
    // A time that does not exist on the day of the jump moves on by the hour skipped.
    let mut gap = customer(3, "gap");
    gap.birthday = Some((3, 8, false));
    let m = plan_one(&rule(1, serde_json::json!({"send_at": "02:30"})), &p, vec![gap]);
    assert_eq!(m[0].due.with_timezone(&tz).to_rfc3339(), "2026-03-08T03:30:00-04:00");
}

#[test]
fn quiet_hours_move_a_late_message_to_the_next_morning() {
    let limits = CareSettings::default();
    let p = planning(d(2026, 12, 1), d(2026, 12, 31), chrono_tz::Asia::Shanghai, &limits);
    let mut mei = customer(7, "小美");
    mei.birthday = Some((12, 5, false));
    let m = plan_one(&rule(3, serde_json::json!({"send_at": "22:30"})), &p, vec![mei.clone()]);
    assert_eq!(m[0].due, Shanghai(2026, 12, 6, 9, 0));
    assert_eq!(m[0].day, d(2026, 12, 6));
    let m = plan_one(&rule(3, serde_json::json!({"send_at": "07:15"})), &p, vec![mei]);
    assert_eq!(m[0].due, Shanghai(2026, 12, 5, 9, 0));
}

#[allow(non_snake_case)]
fn Shanghai(y: i32, m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Asia::Shanghai.with_ymd_and_hms(y, m, day, h, min, 0).unwrap().with_timezone(&Utc)
}

#[test]
fn festivals_anniversaries_and_campaigns() {
    let limits = CareSettings::default();
    let p = planning(d(2026, 9, 1), d(2026, 9, 30), chrono_tz::Asia::Shanghai, &limits);
    let mid_autumn = rule(
        4,
        serde_json::json!({"trigger": {"kind": "festival", "key": "mid_autumn", "days_before": 2},
        "template": "{name}，{festival}快乐"}),
    );
    let mut mei = customer(7, "小美");
    mei.name = Some("王美".into());
    let m = plan_one(&mid_autumn, &p, vec![mei.clone()]);
    // 中秋 2026 is 25 September.
    assert_eq!(
        (m[0].key.as_str(), m[0].day, m[0].text.as_str()),
        ("r4:c7:f2026-09-25", d(2026, 9, 23), "王美，中秋节快乐")
    );
    let mut first = mei.clone();
    first.first_purchase = Some(d(2024, 9, 10));
    let anniversary = rule(5, serde_json::json!({"trigger": {"kind": "anniversary"}}));
    let m = plan_one(&anniversary, &p, vec![first.clone()]);
    assert_eq!((m.len(), m[0].key.as_str()), (1, "r5:c7:a2026"));
    first.first_purchase = Some(d(2026, 9, 10));
    assert!(plan_one(&anniversary, &p, vec![first]).is_empty(), "the first purchase itself is no anniversary");
    let campaign = rule(6, serde_json::json!({"trigger": {"kind": "campaign", "date": "2026-09-15"}}));
    assert_eq!(plan_one(&campaign, &p, vec![mei.clone(), customer(8, "阿强")]).len(), 2);
    let later = rule(6, serde_json::json!({"trigger": {"kind": "campaign", "date": "2026-10-15"}}));
    assert!(plan_one(&later, &p, vec![mei]).is_empty());
}

#[test]
fn event_rules_fire_from_their_events() {
    let limits = CareSettings::default();
    let tz = chrono_tz::Asia::Shanghai;
    let p = planning(d(2026, 12, 1), d(2026, 12, 7), tz, &limits);
    let events = [
        // Paid at 23:30 on 25 Nov, Shanghai time: that local day counts, not the UTC one.
        Event { customer_id: 7, id: 100, at: EventAt::Instant(Shanghai(2026, 11, 25, 23, 30)) },
        Event { customer_id: 7, id: 101, at: EventAt::Instant(Shanghai(2026, 11, 20, 10, 0)) },
        Event { customer_id: 8, id: 102, at: EventAt::Instant(Shanghai(2026, 11, 26, 10, 0)) },
    ];
    let follow_up = rule(2, serde_json::json!({"trigger": {"kind": "after_purchase", "days": 7, "from": "shipped"}}));
    assert_eq!(milestone_of(&follow_up), Some(Milestone::Shipped));
    let o = event_occasions(&follow_up, &p, &events, |c| c == 7);
    assert_eq!(o.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), vec!["o100"]);
    assert!(matches!(o[0].when, EventAt::Day(day) if day == d(2026, 12, 2)));
    let unpaid = rule(9, serde_json::json!({"trigger": {"kind": "unpaid", "minutes": 30}, "priority": "care"}));
    assert_eq!(unpaid.priority(), Priority::Transactional);
    let created = [Event { customer_id: 7, id: 200, at: EventAt::Instant(Shanghai(2026, 12, 3, 22, 50)) }];
    let o = event_occasions(&unpaid, &p, &created, |_| true);
    let map = HashMap::from([(7, customer(7, "小美"))]);
    let m = messages(&unpaid, &p, &o, &map, &HashMap::new());
    // 23:20 is in the quiet hours: the reminder waits for 09:00.
    assert_eq!((m[0].key.as_str(), m[0].due), ("r9:c7:u200", Shanghai(2026, 12, 4, 9, 0)));
    let sleeping = rule(10, serde_json::json!({"trigger": {"kind": "became_sleeping", "days_after": 3}}));
    let stage = [Event { customer_id: 7, id: 0, at: EventAt::Day(d(2026, 11, 30)) }];
    let o = event_occasions(&sleeping, &p, &stage, |_| true);
    assert_eq!(o[0].id, "s2026-11-30");
}

#[test]
fn sms_gets_its_signature_and_opt_out_and_english_buyers_the_english_text() {
    let limits = CareSettings::default();
    let p = planning(d(2026, 12, 1), d(2026, 12, 31), chrono_tz::Asia::Shanghai, &limits);
    let mut mei = customer(7, "小美");
    mei.birthday = Some((12, 5, false));
    mei.phone = Some("138****1234".into());
    let mut amy = customer(8, "amy");
    amy.platform = Some(Platform::Shopify);
    amy.birthday = Some((12, 6, false));
    amy.phone = Some("+1 415 555 0100".into());
    let r = rule(3, serde_json::json!({"channel": "sms", "template_en": "Happy birthday, {nick}! Love, {shop}"}));
    let m = plan_one(&r, &p, vec![mei, amy]);
    assert_eq!(m[0].to, None, "a masked phone is no phone");
    assert_eq!(m[0].text, "【老客茶铺】小美，生日快乐！老客茶铺 为你准备了一份小礼物。 回T退订");
    assert_eq!(m[1].to.as_deref(), Some("+1 415 555 0100"));
    assert_eq!(m[1].text, "【老客茶铺】Happy birthday, amy! Love, 老客茶铺 回T退订");
}

#[test]
fn kept_messages_keep_their_text_and_the_guards_span_rules() {
    let limits = CareSettings::default();
    let p = planning(d(2026, 12, 1), d(2026, 12, 31), chrono_tz::Asia::Shanghai, &limits);
    let mut mei = customer(7, "小美");
    mei.birthday = Some((12, 5, false));
    let birthday = rule(3, serde_json::json!({}));
    let old = Kept {
        due: Shanghai(2026, 12, 5, 11, 0),
        subject: None,
        text: "旧的文字".to_owned(),
        to: None,
        status: MessageStatus::Planned,
        reason: None,
        displaced_by: None,
    };
    let kept = HashMap::from([("r3:c7:b2026-12-05".to_owned(), old)]);
    let occasions = calendar_occasions(&birthday, &p, std::iter::once(&mei));
    let map = HashMap::from([(7, mei.clone())]);
    let mut all = messages(&birthday, &p, &occasions, &map, &kept);
    assert_eq!((all[0].text.as_str(), all[0].due), ("旧的文字", Shanghai(2026, 12, 5, 11, 0)));
    // A marketing campaign two days later yields to the birthday and a care campaign.
    let promo =
        rule(4, serde_json::json!({"trigger": {"kind": "campaign", "date": "2026-12-07"}, "priority": "marketing"}));
    let care = rule(5, serde_json::json!({"trigger": {"kind": "campaign", "date": "2026-12-08"}}));
    for r in [&promo, &care] {
        let o = calendar_occasions(r, &p, std::iter::once(&mei));
        all.extend(messages(r, &p, &o, &map, &HashMap::new()));
    }
    guard_all(&mut all, &map, &[], &limits);
    let status: Vec<(&str, MessageStatus, Option<SkipReason>)> =
        all.iter().map(|m| (m.key.as_str(), m.status, m.reason)).collect();
    assert_eq!(
        status,
        vec![
            ("r3:c7:b2026-12-05", MessageStatus::Planned, None),
            ("r4:c7:c2026-12-07", MessageStatus::Skipped, Some(SkipReason::Cap)),
            ("r5:c7:c2026-12-08", MessageStatus::Planned, None),
        ]
    );
    assert_eq!(all[1].displaced_by.as_deref(), Some("r3:c7:b2026-12-05"));
}

#[test]
fn a_lunar_birthday_is_greeted_in_the_ordinary_month_not_the_leap_one() {
    // 2025 has a leap sixth month (闰六月). Lunar 6/10 is 2025-07-04; the leap month's
    // 10th, 2025-08-03, is no birthday; the next one is 2026-07-23 (lunardate agrees).
    let limits = CareSettings::default();
    let p = planning(d(2025, 7, 1), d(2026, 7, 31), chrono_tz::Asia::Shanghai, &limits);
    let mut mei = customer(7, "小美");
    mei.birthday = Some((6, 10, true));
    let days: Vec<NaiveDate> = plan_one(&rule(3, serde_json::json!({})), &p, vec![mei]).iter().map(|m| m.day).collect();
    assert_eq!(days, vec![d(2025, 7, 4), d(2026, 7, 23)]);
}

#[test]
fn a_tier_upgrade_fires_from_its_change_day() {
    let limits = CareSettings::default();
    let p = planning(d(2026, 12, 1), d(2026, 12, 7), chrono_tz::Asia::Shanghai, &limits);
    let upgrade = rule(
        11,
        serde_json::json!({"trigger": {"kind": "tier_upgrade", "days_after": 1},
        "template": "{nick}，恭喜升级为{tier}"}),
    );
    let changes = [
        Event { customer_id: 7, id: 41, at: EventAt::Day(d(2026, 11, 30)) },
        Event { customer_id: 8, id: 42, at: EventAt::Day(d(2026, 12, 7)) },
    ];
    let o = event_occasions(&upgrade, &p, &changes, |_| true);
    assert_eq!(o.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), vec!["t41"]);
    let mut mei = customer(7, "小美");
    mei.tier = Some("VIP会员".into());
    let m = messages(&upgrade, &p, &o, &HashMap::from([(7, mei)]), &HashMap::new());
    assert_eq!((m[0].day, m[0].text.as_str()), (d(2026, 12, 1), "小美，恭喜升级为VIP会员"));
}

#[test]
fn a_wangwang_rule_writes_to_taobao_and_tmall_buyers_only() {
    let limits = CareSettings::default();
    let p = planning(d(2026, 12, 1), d(2026, 12, 31), chrono_tz::Asia::Shanghai, &limits);
    let mut mei = customer(7, "小美");
    mei.birthday = Some((12, 5, false));
    let mut jd = customer(8, "jd_阿强");
    jd.platform = Some(Platform::Jd);
    jd.birthday = Some((12, 5, false));
    let m = plan_one(&rule(3, serde_json::json!({})), &p, vec![mei.clone(), jd.clone()]);
    assert_eq!(m.iter().map(|m| m.customer_id).collect::<Vec<_>>(), vec![7], "no Wangwang for a JD buyer");
    // Email reaches both (the JD buyer without an address is skipped with that reason by the guards).
    let m = plan_one(&rule(3, serde_json::json!({"channel": "email"})), &p, vec![mei, jd]);
    assert_eq!(m.len(), 2);
}

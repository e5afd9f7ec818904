//! Planning over a real (small) import: triggers from the archive, idempotent
//! re-planning, edits that re-plan only what has not gone out, the caps across
//! rules and manual sends, DND, a paid order's reminder withdrawn.

use super::*;
use laoke_core::dto::{CareRule, Channel, MessageStatus, Priority, Settings, SkipReason};
use laoke_core::ErrorCode;

use crate::test_shop::{at, d, taobao_shop, TAOBAO_HEADER as HEADER};
use crate::ImportFlags;
use laoke_core::import::ImportOptions;

/// 小美 and 阿强 bought in November; 阿珍's order of 1 December is unpaid.
fn shop(dir: &std::path::Path) -> Store {
    let rows = [
        "1001,小美,88,交易成功,2026-11-20 10:00:00,2026-11-20 10:05:00,明前龙井,1,0",
        "1002,阿强,128,交易成功,2026-11-25 21:00:00,2026-11-25 21:01:00,正山小种,1,0",
        "1003,阿珍,66,等待买家付款,2026-12-01 20:00:00,,白毫银针,1,0",
    ];
    let mut s = taobao_shop(dir, &rows, at(2026, 12, 1, 21));
    s.update_settings(&Settings { shop_name: "老客茶铺".into(), ..s.settings().unwrap() }).unwrap();
    s.conn
        .execute_batch(
            "UPDATE customers SET birthday = '1990-12-05', email = 'mei@example.com' WHERE buyer_id = '小美';
             UPDATE customers SET birthday = '1988-12-06', phone = '138****1234' WHERE buyer_id = '阿强';",
        )
        .unwrap();
    s
}

fn id_of(s: &Store, buyer: &str) -> i64 {
    s.conn.query_row("SELECT id FROM customers WHERE buyer_id = ?1", [buyer], |r| r.get(0)).unwrap()
}

fn add(s: &mut Store, json: serde_json::Value) -> i64 {
    let rule: CareRule = laoke_core::care::parse(&json.to_string()).unwrap();
    s.add_care_rule(&rule, at(2026, 12, 1, 9)).unwrap().id.unwrap()
}

fn birthday_rule(channel: &str) -> serde_json::Value {
    serde_json::json!({"name": "生日祝福", "trigger": {"kind": "birthday"}, "channel": channel, "send_at": "10:00",
        "template": "{nick}，生日快乐！{shop} 为你准备了一份小礼物。"})
}

fn rows(s: &Store) -> i64 {
    s.conn.query_row("SELECT count(*) FROM care_messages", [], |r| r.get(0)).unwrap()
}

#[test]
fn planning_twice_changes_nothing_and_what_went_out_stays() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let rule = add(&mut s, birthday_rule("wangwang"));
    let first = s.plan_care(d(2026, 12, 1), d(2026, 12, 31), at(2026, 12, 1, 9)).unwrap();
    let keys: Vec<&str> = first.iter().map(|m| m.key.as_str()).collect();
    let (mei, qiang) = (id_of(&s, "小美"), id_of(&s, "阿强"));
    assert_eq!(keys, vec![format!("r{rule}:c{mei}:b2026-12-05"), format!("r{rule}:c{qiang}:b2026-12-06")]);
    assert_eq!(first[0].due, "2026-12-05T10:00:00+08:00");
    assert_eq!((first[0].to.as_deref(), first[0].status), (Some("小美"), MessageStatus::Planned));
    assert_eq!(first[0].text, "小美，生日快乐！老客茶铺 为你准备了一份小礼物。");
    assert_eq!(first[0].rule_name.as_deref(), Some("生日祝福"));
    let stamps = |s: &Store| -> Vec<String> {
        let mut stmt = s.conn.prepare("SELECT updated_at FROM care_messages ORDER BY key").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let written = stamps(&s);
    let again = s.plan_care(d(2026, 12, 1), d(2026, 12, 31), at(2026, 12, 2, 9)).unwrap();
    assert_eq!(again, first);
    assert_eq!(rows(&s), 2);
    assert_eq!(stamps(&s), written, "planning again writes nothing");
    // Copied, then the rule's text is edited: the copied message keeps what was copied,
    // the other is planned again with the new text.
    s.mark_copied(&[first[0].key.clone()], at(2026, 12, 5, 10)).unwrap();
    let e = s.mark_copied(&[first[0].key.clone()], at(2026, 12, 5, 10)).unwrap_err();
    assert_eq!(e.code(), "care.message_not_planned");
    let mut edited: CareRule = s.care_rule(rule).unwrap();
    edited.template = "{nick}，祝你生日快乐".into();
    s.update_care_rule(rule, &edited, at(2026, 12, 5, 11)).unwrap();
    let after = s.plan_care(d(2026, 12, 1), d(2026, 12, 31), at(2026, 12, 5, 11)).unwrap();
    assert_eq!(after.len(), 2);
    assert_eq!(
        (after[0].status, after[0].text.as_str()),
        (MessageStatus::Copied, "小美，生日快乐！老客茶铺 为你准备了一份小礼物。")
    );
    assert_eq!((after[1].status, after[1].text.as_str()), (MessageStatus::Planned, "阿强，祝你生日快乐"));
    // Switched off: what it planned goes, what went out stays.
    s.set_care_rule_enabled(rule, false, at(2026, 12, 5, 12)).unwrap();
    let off = s.plan_care(d(2026, 12, 1), d(2026, 12, 31), at(2026, 12, 5, 12)).unwrap();
    assert_eq!(off.iter().map(|m| m.status).collect::<Vec<_>>(), vec![MessageStatus::Copied]);
}

#[test]
fn guards_dnd_no_address_and_manual_sends() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    add(&mut s, birthday_rule("sms"));
    let m = s.plan_care(d(2026, 12, 1), d(2026, 12, 31), at(2026, 12, 1, 9)).unwrap();
    // Neither has an unmasked phone.
    assert_eq!(m.iter().map(|m| m.reason).collect::<Vec<_>>(), vec![Some(SkipReason::NoAddress); 2]);
    s.conn.execute("UPDATE customers SET phone = '13800001111', dnd = 1 WHERE buyer_id = '阿强'", []).unwrap();
    s.conn.execute("UPDATE customers SET phone = '13900002222' WHERE buyer_id = '小美'", []).unwrap();
    let m = s.plan_care(d(2026, 12, 1), d(2026, 12, 31), at(2026, 12, 1, 9)).unwrap();
    assert_eq!(m.iter().map(|m| m.reason).collect::<Vec<_>>(), vec![None, Some(SkipReason::Dnd)]);
    assert_eq!(m[0].text, "【老客茶铺】小美，生日快乐！老客茶铺 为你准备了一份小礼物。 回T退订");
    // Two messages the seller sent 小美 by hand that week use up her two.
    let mei = id_of(&s, "小美");
    s.record_manual_message(mei, Channel::Wechat, Priority::Care, "在吗", at(2026, 12, 3, 15)).unwrap();
    let manual =
        s.record_manual_message(mei, Channel::Wechat, Priority::Care, "新茶到了", at(2026, 12, 4, 15)).unwrap();
    let m = s.plan_care(d(2026, 12, 1), d(2026, 12, 31), at(2026, 12, 4, 16)).unwrap();
    let birthday = m.iter().find(|m| m.rule_id.is_some() && m.customer_id == mei).unwrap();
    assert_eq!(birthday.reason, Some(SkipReason::Cap));
    assert!(birthday.displaced_by.as_deref().is_some_and(|k| k.starts_with("manual:")), "{birthday:?}");
    assert_eq!(manual.status, MessageStatus::Sent);
}

#[test]
fn a_payment_reminder_goes_when_the_order_is_paid() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    add(
        &mut s,
        serde_json::json!({"name": "催付", "trigger": {"kind": "unpaid", "minutes": 30},
        "channel": "wangwang", "send_at": "10:00", "template": "{nick}，您的订单还未付款哦"}),
    );
    let m = s.plan_care(d(2026, 12, 1), d(2026, 12, 7), at(2026, 12, 1, 20)).unwrap();
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].due.as_str(), m[0].priority), ("2026-12-01T20:30:00+08:00", Priority::Transactional));
    // The next export says it was paid: the reminder is withdrawn.
    let path = dir.path().join("paid.csv");
    std::fs::write(
        &path,
        format!("{HEADER}1003,阿珍,66,买家已付款，等待卖家发货,2026-12-01 20:00:00,2026-12-01 20:10:00,白毫银针,1,0\n"),
    )
    .unwrap();
    s.import_file(&path, &ImportOptions::default(), &ImportFlags::default(), at(2026, 12, 1, 20), |_| true).unwrap();
    assert!(s.plan_care(d(2026, 12, 1), d(2026, 12, 7), at(2026, 12, 1, 20)).unwrap().is_empty());
}

#[test]
fn after_purchase_targets_and_spans() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let seg = laoke_core::segment::Filter::all(vec![laoke_core::segment::Condition {
        field: laoke_core::segment::Field::Nick,
        op: laoke_core::segment::Op::Contains,
        values: vec!["强".into()],
    }]);
    s.save_segment("强字辈", &seg, at(2026, 12, 1, 9)).unwrap();
    let rule = add(
        &mut s,
        serde_json::json!({"name": "回访", "trigger": {"kind": "after_purchase", "days": 7},
        "target": {"segment": "强字辈"}, "channel": "wangwang", "send_at": "15:00",
        "template": "{nick}，{last_item} 喝着还好吗？"}),
    );
    let m = s.plan_care(d(2026, 12, 1), d(2026, 12, 7), at(2026, 12, 1, 9)).unwrap();
    // 阿强 paid at 21:01 on 25 November (Shanghai): seven days later is 2 December.
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!((m[0].day, m[0].text.as_str()), (d(2026, 12, 2), "阿强，正山小种 喝着还好吗？"));
    assert!(m[0].key.starts_with(&format!("r{rule}:c{}:o", id_of(&s, "阿强"))));
    let e = s.plan_care(d(2026, 1, 1), d(2027, 12, 31), at(2026, 12, 1, 9)).unwrap_err();
    assert_eq!(e.code(), "care.plan_span");
}

#[test]
fn the_editor_previews_a_rule_on_a_real_customer() {
    let dir = tempfile::tempdir().unwrap();
    let s = shop(dir.path());
    let rule: CareRule = laoke_core::care::parse(
        &serde_json::json!({"name": "短信回访", "trigger": {"kind": "festival", "key": "mid_autumn"}, "channel": "sms",
            "send_at": "10:00", "template": "{nick}，{festival}快乐！{last_item} 还合口味吗？"})
        .to_string(),
    )
    .unwrap();
    let mei = id_of(&s, "小美");
    let p = s.preview_care_message(&rule, Some(mei), at(2026, 12, 1, 9)).unwrap();
    assert_eq!(p.text, "【老客茶铺】小美，中秋节快乐！明前龙井 还合口味吗？ 回T退订");
    assert_eq!(p.to, None, "a masked phone is no address");
    let sms = p.sms.unwrap();
    assert_eq!((sms.segments, sms.single_max), (1, 70));
    let bad = CareRule { template: "{nik}".into(), ..rule };
    assert_eq!(
        s.preview_care_message(&bad, Some(mei), at(2026, 12, 1, 9)).unwrap_err().code(),
        "template.unknown_variable"
    );
}

#[test]
fn a_follow_up_names_its_own_order_and_a_birthday_the_last_item() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    // 阿强 buys again three days after his first order.
    let path = dir.path().join("again.csv");
    std::fs::write(
        &path,
        format!("{HEADER}1004,阿强,99,交易成功,2026-11-28 09:00:00,2026-11-28 09:02:00,白牡丹,1,0\n"),
    )
    .unwrap();
    s.import_file(&path, &ImportOptions::default(), &ImportFlags::default(), at(2026, 12, 1, 21), |_| true).unwrap();
    add(
        &mut s,
        serde_json::json!({"name": "回访", "trigger": {"kind": "after_purchase", "days": 7}, "channel": "wangwang",
            "send_at": "15:00", "template": "{nick}，{last_item} 喝着还好吗？"}),
    );
    add(
        &mut s,
        serde_json::json!({"name": "生日", "trigger": {"kind": "birthday"}, "channel": "wangwang",
            "send_at": "10:00", "template": "{nick}生日快乐，{last_item} 再来一份？"}),
    );
    let m = s.plan_care(d(2026, 12, 1), d(2026, 12, 7), at(2026, 12, 1, 9)).unwrap();
    let of = |day| {
        m.iter().filter(|m| m.day == d(2026, 12, day) && m.nick == "阿强").map(|m| m.text.as_str()).collect::<Vec<_>>()
    };
    assert_eq!(of(2), ["阿强，正山小种 喝着还好吗？"], "the first order's follow-up names its own item");
    assert_eq!(of(5), ["阿强，白牡丹 喝着还好吗？"]);
    assert_eq!(of(6), ["阿强生日快乐，白牡丹 再来一份？"], "a birthday names the last item bought");
}

#[test]
fn a_wangwang_campaign_writes_to_taobao_buyers_of_its_segment_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    // 阿强 turns out to be a JD buyer: Wangwang cannot reach him, email could.
    s.conn
        .execute("UPDATE customers SET platform = 'jd', email = 'qiang@example.com' WHERE buyer_id = '阿强'", [])
        .unwrap();
    let everyone = laoke_core::segment::Filter::all(vec![laoke_core::segment::Condition {
        field: laoke_core::segment::Field::Purchases,
        op: laoke_core::segment::Op::Gte,
        values: vec!["1".into()],
    }]);
    s.save_segment("买过的", &everyone, at(2026, 12, 1, 9)).unwrap();
    for channel in ["wangwang", "email"] {
        add(
            &mut s,
            serde_json::json!({"name": channel, "trigger": {"kind": "campaign", "date": "2026-12-03"},
                "target": {"segment": "买过的"}, "channel": channel, "send_at": "10:00", "template": "{nick}，上新了"}),
        );
    }
    let m = s.plan_care(d(2026, 12, 3), d(2026, 12, 3), at(2026, 12, 1, 9)).unwrap();
    let mut got: Vec<(&str, &str, &str)> =
        m.iter().map(|m| (m.channel.into(), m.nick.as_str(), m.status.into())).collect();
    got.sort();
    assert_eq!(
        got,
        [("email", "小美", "planned"), ("email", "阿强", "planned"), ("wangwang", "小美", "planned")],
        "阿强 is no Wangwang recipient (not a skipped one either); 阿珍 has not paid, so is not in the segment"
    );
}

#[test]
fn the_editor_lists_festivals_without_planning() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    add(&mut s, birthday_rule("wangwang"));
    let f = s.festivals_between(d(2026, 12, 10), d(2027, 1, 15)).unwrap();
    let got: Vec<(&str, NaiveDate)> = f.iter().map(|f| (f.key.as_str(), f.date)).collect();
    assert_eq!(
        got,
        [
            ("double_12", d(2026, 12, 12)),
            ("christmas", d(2026, 12, 25)),
            ("new_year", d(2027, 1, 1)),
            ("new_year_goods", d(2027, 1, 6)),
            ("laba", d(2027, 1, 15)),
        ]
    );
    assert_eq!(rows(&s), 0, "nothing was planned");
}

#[test]
fn the_badge_counts_what_is_due_and_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    add(&mut s, birthday_rule("wangwang"));
    let m = s.plan_care(d(2026, 12, 5), d(2026, 12, 5), at(2026, 12, 5, 9)).unwrap();
    assert_eq!(s.care_due(at(2026, 12, 5, 9)).unwrap(), 0, "小美's greeting is due at 10:00");
    assert_eq!(s.care_due(at(2026, 12, 5, 11)).unwrap(), 1);
    s.mark_copied(&[m[0].key.clone()], at(2026, 12, 5, 11)).unwrap();
    assert_eq!(s.care_due(at(2026, 12, 5, 11)).unwrap(), 0, "copied is dealt with");
    assert_eq!(s.care_due(at(2026, 12, 6, 11)).unwrap(), 0, "a day later it is yesterday's");
}

#[test]
fn the_calendar_counts_each_rules_messages_per_day_with_festivals_and_days_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    add(&mut s, birthday_rule("wangwang"));
    let days = s.care_calendar(None, d(2026, 12, 1), d(2026, 12, 31), at(2026, 12, 1, 9)).unwrap();
    assert_eq!((days.len(), days[0].date, days[30].date), (31, d(2026, 12, 1), d(2026, 12, 31)));
    let counts = |day: usize| days[day - 1].rules.iter().map(|r| (r.messages, r.skipped)).collect::<Vec<_>>();
    assert_eq!((counts(5), counts(6), counts(7)), (vec![(1, 0)], vec![(1, 0)], vec![]));
    assert_eq!(days[11].festivals.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(), ["double_12"]);
    let october = s.care_calendar(None, d(2026, 10, 1), d(2026, 10, 1), at(2026, 12, 1, 9)).unwrap();
    assert_eq!(october[0].statutory.as_ref().map(|s| s.name_zh.as_str()), Some("国庆节"));
}

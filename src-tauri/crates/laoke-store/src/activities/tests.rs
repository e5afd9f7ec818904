//! Activities over a real (small) import: the ROI of a hand-computed fixture
//! (purchases in the attribution window, by the activity's customers only),
//! moving and ticking, the Today worklist's steps, bad input changing nothing.

use super::*;
use laoke_core::dto::{Clash, FanGroup, Settings};
use laoke_core::segment::{Condition, Field, Filter, Op};
use laoke_core::ErrorCode;
use rust_decimal_macros::dec;

use crate::test_shop::{at, d, taobao_shop};

/// The fixture, Shanghai time; the activity runs 12 March 2027 from 20:00, window 7 days:
/// in it, 小美's 128.00 (20:30 that evening) and 66.50 (23:30 on the 19th, the window's
/// last day); not in it, her 50.00 at 19:00 before the slot, her 99.00 at 00:10 on the
/// 20th, her unpaid 40.00; 阿强's 300.00 on the 14th counts only for an activity aimed at everyone.
fn shop(dir: &std::path::Path) -> Store {
    let rows = [
        "2001,小美,50,交易成功,2027-03-12 19:00:00,2027-03-12 19:01:00,明前龙井,1,0",
        "2002,小美,128,交易成功,2027-03-12 20:30:00,2027-03-12 20:31:00,正山小种,1,0",
        "2003,阿强,300,交易成功,2027-03-14 10:00:00,2027-03-14 10:01:00,白毫银针,1,0",
        "2004,小美,40,等待买家付款,2027-03-15 10:00:00,,白毫银针,1,0",
        "2005,小美,66.50,交易成功,2027-03-19 23:30:00,2027-03-19 23:31:00,滇红,1,0",
        "2006,小美,99,交易成功,2027-03-20 00:10:00,2027-03-20 00:11:00,滇红,1,0",
    ];
    let mut s = taobao_shop(dir, &rows, at(2027, 3, 21, 9));
    s.update_settings(&Settings { shop_name: "老客茶铺".into(), ..s.settings().unwrap() }).unwrap();
    let mei = Filter::all(vec![Condition { field: Field::Nick, op: Op::Contains, values: vec!["美".into()] }]);
    s.save_segment("茶友群成员", &mei, at(2027, 3, 1, 9)).unwrap();
    s
}

fn activity(json: serde_json::Value) -> Activity {
    let mut v = serde_json::json!({"type": "guess_price", "title": "猜价格 · 春茶", "date": "2027-03-12",
        "slot_start": "20:00", "slot_end": "21:00",
        "budget": [{"label": "奖品", "amount": "88.00"}, {"label": "红包", "amount": "12.50"}]});
    for (k, x) in json.as_object().unwrap() {
        v[k] = x.clone();
    }
    activity::parse(&v.to_string()).unwrap()
}

fn count(s: &Store) -> i64 {
    s.conn.query_row("SELECT count(*) FROM activities", [], |r| r.get(0)).unwrap()
}

#[test]
fn roi_counts_the_targets_purchases_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let a =
        s.add_activity(&activity(serde_json::json!({"target": {"segment": "茶友群成员"}})), at(2027, 3, 1, 9)).unwrap();
    assert_eq!(a.total, dec!(100.50));
    let r = s.record_activity_results(a.id, 40, 6, d(2027, 3, 21)).unwrap();
    // 128.00 + 66.50 = 194.50; (194.50 − 100.50) / 100.50 = 0.9353.
    assert_eq!((r.orders, r.revenue, r.cost), (2, dec!(194.50), dec!(100.50)));
    assert_eq!(r.roi.map(|x| x.to_string()), Some("0.9353".into()));
    assert_eq!(
        (r.participants, r.new_members, r.attributed_to, r.window_end),
        (40, 6, Attribution::Target, d(2027, 3, 19))
    );
    assert_eq!(s.activity(a.id).unwrap().results, Some(r.clone()));
    // Aimed at everyone: 阿强's 300.00 counts too → 494.50, ROI (494.50 − 100.50) / 100.50 = 3.9204.
    let all = s.add_activity(&activity(serde_json::json!({})), at(2027, 3, 1, 9)).unwrap();
    let r = s.record_activity_results(all.id, 0, 0, d(2027, 3, 21)).unwrap();
    assert_eq!((r.orders, r.revenue, r.attributed_to), (3, dec!(494.50), Attribution::Everyone));
    assert_eq!(r.roi, Some(dec!(3.9204)));
    // A group: its segment's purchases; a group without a segment: its platform's buyers.
    let mut settings = s.activity_settings().unwrap();
    settings.groups = vec![
        FanGroup {
            name: "茶友1群".into(),
            platform: laoke_core::Platform::Taobao,
            members: 320,
            segment: Some("茶友群成员".into()),
        },
        FanGroup { name: "抖音粉丝群".into(), platform: laoke_core::Platform::Douyin, members: 80, segment: None },
    ];
    s.save_activity_settings(&settings).unwrap();
    let g = s.add_activity(&activity(serde_json::json!({"groups": ["茶友1群"]})), at(2027, 3, 1, 9)).unwrap();
    let r = s.record_activity_results(g.id, 12, 0, d(2027, 3, 21)).unwrap();
    assert_eq!((r.orders, r.revenue, r.attributed_to), (2, dec!(194.50), Attribution::GroupSegments));
    let dy = s.add_activity(&activity(serde_json::json!({"groups": ["抖音粉丝群"]})), at(2027, 3, 1, 9)).unwrap();
    let r = s.record_activity_results(dy.id, 12, 0, d(2027, 3, 21)).unwrap();
    assert_eq!((r.orders, r.attributed_to), (0, Attribution::GroupPlatforms));
    // Negative counts are refused and change nothing.
    let e = s.record_activity_results(a.id, -1, 0, d(2027, 3, 21)).unwrap_err();
    assert_eq!((e.code(), e.details()["field"].as_str()), ("activity.negative_count", Some("participants")));
    assert_eq!(s.activity(a.id).unwrap().results.unwrap().participants, 40);
}

#[test]
fn moving_and_ticking_keep_the_checklist_relative() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let a = s.add_activity(&activity(serde_json::json!({})), at(2027, 3, 1, 9)).unwrap();
    // The type's six steps, the Chinese announcement rendered with the shop's name.
    assert_eq!(a.steps.len(), 6);
    assert!(a.announcement.starts_with("【老客茶铺】3月12日 20:00 群内「猜价格 · 春茶」"), "{}", a.announcement);
    let ticked = s.tick_activity_step(a.id, 0, true, at(2027, 3, 9, 21)).unwrap();
    assert!(ticked.steps[0].done && !ticked.steps[1].done);
    let moved = s.move_activity(a.id, d(2027, 3, 20), at(2027, 3, 9, 22)).unwrap();
    assert_eq!(moved.steps[0].due.to_string(), "2027-03-17 20:00:00");
    assert!(moved.steps[0].done, "a ticked step stays ticked when the activity moves");
    assert_eq!(s.activities_between(d(2027, 3, 1), d(2027, 3, 19)).unwrap().len(), 0);
    assert_eq!(s.activities_between(d(2027, 3, 20), d(2027, 3, 31)).unwrap()[0].id, a.id);
    // Today's worklist: the reminder is due on the 19th; the undone steps of the 17th/18th are overdue.
    let today = s.activity_steps_on(d(2027, 3, 19)).unwrap();
    let kinds: Vec<_> = today.iter().map(|i| (i.step.due.date(), i.step.kind)).collect();
    use laoke_core::dto::StepKind::*;
    assert_eq!(kinds, vec![(d(2027, 3, 18), PreparePrizes), (d(2027, 3, 19), Reminder)]);
    let e = s.tick_activity_step(a.id, 9, true, at(2027, 3, 9, 21)).unwrap_err();
    assert_eq!(e.code(), "activity.step_not_found");
}

#[test]
fn clashes_show_in_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let mut settings = s.activity_settings().unwrap();
    settings.monthly_budget_cap = Some(dec!(150));
    s.save_activity_settings(&settings).unwrap();
    let first = s.add_activity(&activity(serde_json::json!({"date": "2027-11-11"})), at(2027, 3, 1, 9)).unwrap();
    assert_eq!(first.warnings, vec![Clash::PromotionDay { festival: "double_11".into() }]);
    let second = s
        .add_activity(&activity(serde_json::json!({"date": "2027-11-13", "title": "返场"})), at(2027, 3, 1, 9))
        .unwrap();
    assert_eq!(
        second.warnings,
        vec![
            Clash::TooClose { other: Some(first.id), title: "猜价格 · 春茶".into(), days: 2 },
            Clash::OverBudget { month: "2027-11".into(), total: dec!(201.00), cap: dec!(150) },
        ]
    );
    let cal = s.activity_calendar(d(2027, 11, 1), d(2027, 11, 30)).unwrap();
    assert_eq!(cal.activities.len(), 2);
    assert!(cal.festivals.iter().any(|f| f.key == "double_11" && f.peak));
    // 双11预热 (20 October, no run) is outside November.
    assert!(!cal.festivals.iter().any(|f| f.key == "double_11_warmup"));
    // 618 runs 1–18 June: a week of early June draws it though its main day is later.
    let june = s.activity_calendar(d(2027, 6, 1), d(2027, 6, 7)).unwrap();
    assert!(june.festivals.iter().any(|f| f.key == "618" && f.start == Some(d(2027, 6, 1))), "{:?}", june.festivals);
    assert!(!june.festivals.iter().any(|f| f.key == "dragon_boat"), "端午 (9 June 2027) is outside the week");
    // Suggestions keep away from both.
    let sug = s.suggest_activities(d(2027, 11, 1)).unwrap();
    assert!(sug.activities.is_empty(), "two planned already: {sug:?}");
}

#[test]
fn bad_activities_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let cases = [
        (serde_json::json!({"target": {"segment": "没有"}}), "activity.unknown_segment"),
        (serde_json::json!({"target": {"tier": "钻石会员"}}), "activity.unknown_tier"),
        (serde_json::json!({"groups": ["不存在的群"]}), "activity.unknown_group"),
        (serde_json::json!({"coupon_plan": 99}), "activity.unknown_coupon_plan"),
        (serde_json::json!({"type": "karaoke"}), "activity.unknown_type"),
    ];
    for (json, code) in cases {
        let e = s.add_activity(&activity(json.clone()), at(2027, 3, 1, 9)).unwrap_err();
        assert_eq!(e.code(), code, "{json}");
    }
    assert_eq!(count(&s), 0);
    let e = s.move_activity(42, d(2027, 3, 3), at(2027, 3, 1, 9)).unwrap_err();
    assert_eq!(e.code(), "activity.not_found");
}

#[test]
fn a_new_activity_comes_from_its_type_in_the_sellers_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let zh = s.new_activity("red_packet", d(2027, 5, 8)).unwrap();
    assert_eq!((zh.title.as_str(), zh.slot_start.as_str(), zh.budget[0].label.as_str()), ("抢红包", "18:30", "红包池"));
    s.update_settings(&Settings { language: Some("en-US".into()), ..s.settings().unwrap() }).unwrap();
    let en = s.new_activity("red_packet", d(2027, 5, 8)).unwrap();
    assert_eq!((en.title.as_str(), en.budget[0].label.as_str()), ("Red-packet round", "Red-packet pool"));
    assert!(en.announcement.starts_with("[{shop}]"));
    // An edited type is what new activities start from; resetting restores it.
    let mut t = s.activity_types().unwrap().into_iter().find(|t| t.key == "red_packet").unwrap();
    t.name_en = "Lucky money".into();
    s.save_activity_type(&t, at(2027, 3, 1, 9)).unwrap();
    assert_eq!(s.new_activity("red_packet", d(2027, 5, 8)).unwrap().title, "Lucky money");
    s.reset_activity_type("red_packet").unwrap();
    assert_eq!(s.new_activity("red_packet", d(2027, 5, 8)).unwrap().title, "Red-packet round");
    // The shop's own type.
    let mine = laoke_core::dto::ActivityType {
        key: "tea_tasting".into(),
        name_zh: "品茶会".into(),
        name_en: "Tea tasting".into(),
        builtin: false,
        ..t
    };
    let types = s.save_activity_type(&mine, at(2027, 3, 1, 9)).unwrap();
    assert_eq!((types.len(), types.last().map(|t| (t.key.as_str(), t.builtin))), (11, Some(("tea_tasting", false))));
    let e = s.new_activity("karaoke", d(2027, 5, 8)).unwrap_err();
    assert_eq!(e.code(), "activity.unknown_type");
}

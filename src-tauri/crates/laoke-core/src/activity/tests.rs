use super::*;
use crate::dto::{Clash, Why};
use chrono::{NaiveDateTime, Weekday};
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

const GUESS: &str = r#"{"type": "guess_price", "title": "猜价格 · 春茶", "date": "2027-03-12",
    "slot_start": "20:00", "slot_end": "21:00", "budget": [{"label": "奖品", "amount": "88.00"}]}"#;

fn with(field: &str, value: serde_json::Value) -> String {
    let mut v: serde_json::Value = serde_json::from_str(GUESS).unwrap();
    v[field] = value;
    v.to_string()
}

/// The activity file with the type's steps and announcement, as the store completes it.
fn guess() -> Activity {
    let mut a = parse(GUESS).unwrap();
    let t = builtin_types().into_iter().find(|t| t.key == "guess_price").unwrap();
    a.steps = t.steps;
    a.announcement = t.template_zh;
    a
}

fn plan_month<'a>(
    month: NaiveDate,
    cadence: u32,
    planned: &'a [Neighbour<'a>],
    types: &'a [ActivityType],
) -> MonthPlan<'a> {
    MonthPlan { month, cadence, planned, types, slots: &[], shop_dates: &[], cap: None, english: false }
}

#[test]
fn the_issue_example_reads_and_checks() {
    let a = guess();
    assert_eq!((a.kind.as_str(), a.date, a.attribution_days), ("guess_price", d(2027, 3, 12), 7));
    assert_eq!(a.budget, vec![BudgetLine { label: "奖品".into(), amount: dec!(88.00) }]);
    check(&a, &builtin_types(), &ActivitySettings::default()).unwrap();
}

#[test]
fn every_kind_of_bad_activity_has_its_own_code() {
    let types = builtin_types();
    let code = |text: &str| {
        let e = parse(text).and_then(|a| check(&a, &types, &ActivitySettings::default())).unwrap_err();
        (e.code(), e.details())
    };
    let (c, p) = code(&with("type", "karaoke".into()));
    assert_eq!((c, p["kind"].as_str()), ("activity.unknown_type", Some("karaoke")));
    let (c, p) = code(&with("slot_end", "19:00".into()));
    assert_eq!((c, p["start"].as_str(), p["end"].as_str()), ("activity.slot_reversed", Some("20:00"), Some("19:00")));
    let (c, p) = code(&with("budget", serde_json::json!([{"label": "奖品", "amount": "-5.00"}])));
    assert_eq!((c, p["line"].as_u64(), p["value"].as_str()), ("activity.budget_negative", Some(1), Some("-5.00")));
    let (c, p) =
        code(&with("budget", serde_json::json!([{"label": "a", "amount": "1"}, {"label": "奖品", "amount": "12元"}])));
    assert_eq!((c, p["line"].as_u64(), p["value"].as_str()), ("activity.budget_not_a_number", Some(2), Some("12元")));
    let (c, p) = code(&with("date", "2027-02-30".into()));
    assert_eq!((c, p["value"].as_str()), ("activity.date_invalid", Some("2027-02-30")));
    let (c, p) = code(&with("slot_start", "25:00".into()));
    assert_eq!((c, p["field"].as_str()), ("activity.time_invalid", Some("slot_start")));
    assert_eq!(code(&with("title", " ".into())).0, "activity.title_length");
    let (c, p) = code(&with("groups", serde_json::json!(["茶友群"])));
    assert_eq!((c, p["name"].as_str()), ("activity.unknown_group", Some("茶友群")));
    let (c, p) = code(&with("announcement", "{titel} 开始".into()));
    assert_eq!((c, p["name"].as_str()), ("template.unknown_variable", Some("titel")));
    // A care variable is no announcement variable: one engine, its own vocabulary.
    assert_eq!(code(&with("announcement", "{nick}".into())).0, "template.unknown_variable");
    assert_eq!(code(&with("attribution_days", 0.into())).0, "activity.attribution_days");
    assert_eq!(code(&with("colour", "red".into())).0, "activity.field_invalid");
    assert_eq!(code("{\"type\": ").0, "activity.not_json");
    assert!(ActivityError::codes().contains(&"activity.budget_not_a_number"));
    assert!(!ActivityError::codes().contains(&"activity.template"));
}

#[test]
fn checklist_steps_fall_due_relative_to_the_activity_and_move_with_it() {
    let mut a = guess();
    let due: Vec<(StepKind, NaiveDateTime)> = steps_due(&a).into_iter().map(|s| (s.kind, s.due)).collect();
    assert_eq!(
        due,
        vec![
            (StepKind::PreAnnounce, at("2027-03-09 20:00")),
            (StepKind::PreparePrizes, at("2027-03-10 20:00")),
            (StepKind::Reminder, at("2027-03-11 20:00")),
            (StepKind::Run, at("2027-03-12 20:00")),
            (StepKind::AnnounceWinners, at("2027-03-12 21:00")),
            (StepKind::FollowUp, at("2027-03-13 20:00")),
        ]
    );
    // Dragged to 1 March: every step moves, across the month's edge.
    a.date = d(2027, 3, 1);
    a.steps[2].at = Some("09:30".into());
    let due = steps_due(&a);
    assert_eq!(
        (due[0].due, due[2].due, due[5].due),
        (at("2027-02-26 20:00"), at("2027-02-28 09:30"), at("2027-03-02 20:00"))
    );
    assert_eq!(due.iter().map(|s| s.index).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4, 5]);
}

#[test]
fn budgets_add_up_in_decimal_without_drift() {
    let line = |amount| BudgetLine { label: "红包".into(), amount };
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
    assert_eq!(total(&[line(dec!(0.1)), line(dec!(0.2))]), dec!(0.3));
    let cents: Vec<BudgetLine> = (0..1000).map(|_| line(dec!(0.01))).collect();
    assert_eq!(total(&cents).to_string(), "10.00");
    let a =
        parse(&with("budget", serde_json::json!([{"label": "a", "amount": 19.99}, {"label": "b", "amount": "0.01"}])))
            .unwrap();
    assert_eq!(total(&a.budget).to_string(), "20.00");
}

#[test]
fn the_announcement_renders_as_plain_text() {
    let mut a = guess();
    a.title = "<b>猜价格</b>".into();
    let facts = AnnouncementFacts { shop: "老客茶铺", coupon: "满199减20", english: false };
    assert_eq!(
        render(&a, &facts),
        "【老客茶铺】3月12日 20:00 群内「<b>猜价格</b>」：猜中新品价格的前 3 位送出奖品，奖池 88.00 元！满199减20"
    );
    a.announcement = "{title} on {date} at {time}".into();
    let en = AnnouncementFacts { english: true, ..facts };
    assert_eq!(render(&a, &en), "<b>猜价格</b> on 12 Mar at 20:00");
}

#[test]
fn the_planner_warns_of_clashes() {
    let others = [
        Neighbour { id: Some(7), title: "抢红包", date: d(2027, 11, 11), total: dec!(300) },
        Neighbour { id: Some(8), title: "买家秀", date: d(2027, 11, 14), total: dec!(150) },
    ];
    let w = clashes(d(2027, 11, 11), dec!(88), &others, Some(dec!(500)));
    assert_eq!(
        w,
        vec![
            Clash::PromotionDay { festival: "double_11".into() },
            Clash::SameDay { other: Some(7), title: "抢红包".into() },
            Clash::TooClose { other: Some(8), title: "买家秀".into(), days: 3 },
            Clash::OverBudget { month: "2027-11".into(), total: dec!(538), cap: dec!(500) },
        ]
    );
    assert_eq!(clashes(d(2027, 11, 20), dec!(10), &others, Some(dec!(500))), vec![]);
    // Another month's budget is not this month's.
    assert_eq!(clashes(d(2027, 12, 2), dec!(490), &others, Some(dec!(500))), vec![]);
}

#[test]
fn roi_is_gain_over_cost_and_none_without_a_cost() {
    assert_eq!(roi(dec!(1250.50), dec!(250.10)).map(|r| r.to_string()), Some("4.0000".into()));
    assert_eq!(roi(dec!(100), dec!(300)).map(|r| r.to_string()), Some("-0.6667".into()));
    assert_eq!(roi(dec!(100), dec!(0)), None);
}

#[test]
fn months_read_as_yyyy_mm() {
    assert_eq!(month_start("2027-02"), Ok(d(2027, 2, 1)));
    assert_eq!(month_end(d(2028, 2, 1)), d(2028, 2, 29));
    for bad in ["2027-13", "2027-2", "27-02", "2027/02", "", "2100-01"] {
        assert_eq!(month_start(bad).unwrap_err().code(), "activity.month_invalid", "{bad}");
    }
}

/// The suggestion keeps the cadence, never lands on a big promotion's main day and
/// keeps five days between activities, in every month of 2027 and 2028, for every
/// cadence; each day says why.
#[test]
fn suggestions_keep_cadence_spacing_and_promotion_days_every_month_of_2027_and_2028() {
    let types = builtin_types();
    for year in [2027, 2028] {
        let peaks: Vec<NaiveDate> =
            crate::festival::promotion_peaks(d(year, 1, 1), d(year, 12, 31)).into_iter().map(|(p, _)| p).collect();
        assert_eq!(peaks, vec![d(year, 6, 18), d(year, 11, 11), d(year, 12, 12)]);
        for m in 1..=12 {
            for cadence in 1..=CADENCE_MAX {
                let first = d(year, m, 1);
                let s = suggest(&plan_month(first, cadence, &[], &types));
                let label = format!("{year}-{m:02} ×{cadence}");
                assert_eq!(s.len() as u32, cadence, "{label}");
                for (i, a) in s.iter().enumerate() {
                    assert!((first..=month_end(first)).contains(&a.date), "{label}: {}", a.date);
                    assert!(!peaks.contains(&a.date), "{label}: on a main day {}", a.date);
                    assert!(!a.why.is_empty() && a.clashes.is_empty(), "{label}: {a:?}");
                    assert!(types.iter().any(|t| t.key == a.kind), "{label}: {}", a.kind);
                    if i > 0 {
                        assert!((a.date - s[i - 1].date).num_days() >= i64::from(SPACING_DAYS), "{label}: {s:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn suggestions_prefer_the_return_period_and_the_days_before_a_festival() {
    let types = builtin_types();
    // November: the 双11 return period (12–15 Nov) is chosen, as a return sale.
    for year in [2027, 2028] {
        let s = suggest(&plan_month(d(year, 11, 1), 2, &[], &types));
        let ret = s.iter().find(|a| a.kind == "return_sale").expect("a return sale");
        assert!((d(year, 11, 12)..=d(year, 11, 15)).contains(&ret.date), "{s:?}");
        assert!(
            matches!(&ret.why[0], Why::ReturnPeriod { festival, days } if festival == "double_11" && (1..=4).contains(days))
        );
    }
    // June: the 618 return period.
    let s = suggest(&plan_month(d(2027, 6, 1), 2, &[], &types));
    assert!(s.iter().any(|a| (d(2027, 6, 19)..=d(2027, 6, 22)).contains(&a.date)), "{s:?}");
    // September 2027: 中秋 falls on the 15th; an activity lands 1–7 days before it, with red packets.
    let s = suggest(&plan_month(d(2027, 9, 1), 2, &[], &types));
    let before =
        s.iter().find(|a| matches!(&a.why[0], Why::BeforeFestival { festival, .. } if festival == "mid_autumn"));
    let before = before.unwrap_or_else(|| panic!("{s:?}"));
    assert!((d(2027, 9, 8)..=d(2027, 9, 14)).contains(&before.date) && before.kind == "red_packet", "{before:?}");
    assert!(before.title.contains("中秋节"), "{}", before.title);
    // Every reason is true of its day.
    for a in &s {
        for w in &a.why {
            if *w == Why::Weekend {
                assert!(matches!(a.date.weekday(), Weekday::Sat | Weekday::Sun));
            }
        }
    }
}

#[test]
fn suggestions_count_and_keep_away_from_what_is_planned() {
    let types = builtin_types();
    // One activity already on 13 Nov 2027, and one on 29 Oct (within reach of 1–3 Nov).
    let planned = [
        Neighbour { id: Some(1), title: "返场", date: d(2027, 11, 13), total: dec!(100) },
        Neighbour { id: Some(2), title: "问答", date: d(2027, 10, 29), total: dec!(50) },
    ];
    let s = suggest(&plan_month(d(2027, 11, 1), 3, &planned, &types));
    assert_eq!(s.len(), 2, "3 a month, one is planned: {s:?}");
    for a in &s {
        for p in &planned {
            assert!((a.date - p.date).num_days().abs() >= 5, "{a:?} near {}", p.date);
        }
    }
    // Over the monthly cap: the suggestion says so.
    let mut plan = plan_month(d(2027, 11, 1), 3, &planned, &types);
    plan.cap = Some(dec!(150));
    let s = suggest(&plan);
    assert!(s.iter().any(|a| a.clashes.iter().any(|c| matches!(c, Clash::OverBudget { .. }))), "{s:?}");
    // Full already: nothing more.
    let s = suggest(&plan_month(d(2027, 11, 1), 1, &planned, &types));
    assert!(s.is_empty());
}

#[test]
fn suggestions_in_english_name_types_and_budgets_in_english() {
    let types = builtin_types();
    let mut plan = plan_month(d(2027, 11, 1), 2, &[], &types);
    plan.english = true;
    let s = suggest(&plan);
    let ret = s.iter().find(|a| a.kind == "return_sale").unwrap();
    assert_eq!(ret.title, "Return sale · Singles' Day (Double 11)");
    assert_eq!(ret.budget[0].label, "Return-sale coupons");
    assert_eq!((ret.slot_start.as_str(), ret.slot_end.as_str()), ("20:00", "21:00"));
}

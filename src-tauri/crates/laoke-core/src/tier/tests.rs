use super::*;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn rule(min_value: Option<Decimal>, min_purchases: Option<u32>, combine: Combine) -> TierRule {
    TierRule {
        name: "x".into(),
        min_value,
        min_purchases,
        combine,
        discount: dec!(0.95),
        benefits: String::new(),
        color: None,
    }
}

#[test]
fn and_or_rules_and_missing_minimums() {
    let and = rule(Some(dec!(500)), Some(2), Combine::And);
    assert!(and.admits(dec!(500), 2));
    assert!(!and.admits(dec!(499.99), 5));
    assert!(!and.admits(dec!(900), 1));
    let or = rule(Some(dec!(500)), Some(2), Combine::Or);
    assert!(or.admits(dec!(10), 2) && or.admits(dec!(500), 0) && !or.admits(dec!(10), 1));
    assert!(rule(None, Some(3), Combine::And).admits(dec!(0), 3));
    assert!(rule(None, None, Combine::And).admits(dec!(-5), 0), "no minimum admits everyone");
}

#[test]
fn a_customer_holds_the_highest_tier_they_meet() {
    let ladder = TierLadder::default();
    assert_eq!(ladder.validate(), Ok(()));
    assert_eq!(ladder.tier_of(dec!(0), 0), None, "below every tier: no tier");
    assert_eq!(ladder.tier_of(dec!(30), 1), Some(0));
    assert_eq!(ladder.tier_of(dec!(600), 1), Some(1), "OR: value alone is enough");
    assert_eq!(ladder.tier_of(dec!(100), 6), Some(2), "OR: purchases alone are enough");
    assert_eq!(ladder.tier_of(dec!(9999), 20), Some(3));
    // A refund that drops a customer below a threshold drops the tier.
    assert_eq!(ladder.tier_of(dec!(1999.99), 5), Some(1));
}

#[test]
fn the_ladder_is_checked() {
    let mut l = TierLadder::default();
    l.tiers[2].discount = dec!(0.97);
    let err = l.validate().unwrap_err();
    assert_eq!(err, LadderError::DiscountNotDeeper { tier: 3, previous: 2 }, "a higher tier cannot discount less");
    assert_eq!(crate::ErrorCode::code(&err), "ladder.discount_not_deeper");
    assert_eq!(crate::ErrorCode::details(&err), serde_json::json!({ "tier": 3, "previous": 2 }));
    let mut l = TierLadder::default();
    l.tiers[1].name = "普通会员".into();
    assert_eq!(l.validate(), Err(LadderError::NameRepeated { tier: 2, other: 1 }));
    l.tiers[1].name = " ".into();
    assert_eq!(l.validate(), Err(LadderError::NameLength { tier: 2, max: 20 }));
    let mut l = TierLadder::default();
    l.tiers[0].discount = dec!(0);
    assert_eq!(l.validate(), Err(LadderError::DiscountRange { tier: 1 }));
    let mut l = TierLadder::default();
    l.tiers.truncate(1);
    assert_eq!(l.validate(), Err(LadderError::TierCount { count: 1, min: 2, max: 8 }));
    let mut l = TierLadder::default();
    l.tiers[3].color = Some("red;background:url(x)".into());
    assert_eq!(l.validate(), Err(LadderError::ColorInvalid { tier: 4 }), "a badge colour is a hex colour, never CSS");
    l.tiers[3].color = Some("#D4a017".into());
    assert_eq!(l.validate(), Ok(()));
    // The file format of the issue parses, with defaults for what it leaves out.
    let l: TierLadder = serde_json::from_str(
        r#"{"window": "rolling_12m", "tiers": [{"name": "VIP1", "min_value": "500.00", "min_purchases": 2, "combine": "and", "discount": "0.95", "benefits": "包邮"}, {"name": "VIP2", "min_value": "2000", "discount": "0.9"}]}"#,
    )
    .unwrap();
    assert_eq!(l.window, TierWindow::Rolling12m);
    assert_eq!(l.tiers[1].min_purchases, None);
    assert_eq!(l.validate(), Ok(()));
}

#[test]
fn windows_start_on_the_right_day() {
    assert_eq!(TierWindow::Lifetime.start(d(2026, 11, 22)), None);
    assert_eq!(TierWindow::CalendarYear.start(d(2026, 11, 22)), Some(d(2026, 1, 1)));
    // Rolling 12 months: a purchase exactly a year ago no longer counts, the next day does.
    assert_eq!(TierWindow::Rolling12m.start(d(2026, 11, 22)), Some(d(2025, 11, 23)));
    assert_eq!(TierWindow::Rolling12m.start(d(2028, 2, 29)), Some(d(2027, 3, 1)));
}

#[test]
fn reviews_fall_on_period_starts() {
    assert_eq!(ReviewPeriod::Monthly.next_review(d(2026, 11, 22)), d(2026, 12, 1));
    assert_eq!(ReviewPeriod::Monthly.next_review(d(2026, 12, 31)), d(2027, 1, 1));
    assert_eq!(ReviewPeriod::Quarterly.next_review(d(2026, 11, 22)), d(2027, 1, 1));
    assert_eq!(ReviewPeriod::Quarterly.next_review(d(2026, 4, 1)), d(2026, 7, 1));
    assert_eq!(ReviewPeriod::Yearly.next_review(d(2026, 1, 1)), d(2027, 1, 1));
}

#[test]
fn suggestions_follow_the_shop_distribution() {
    let values: Vec<Decimal> = (1..=1000).map(Decimal::from).collect();
    // Top 20 % starts at 801, top 5 % at 951, top 1 % at 991; rounded down to 2 figures.
    assert_eq!(suggest_min_values(&values, 4), vec![dec!(800), dec!(950), dec!(990)]);
    assert_eq!(suggest_min_values(&[], 3), vec![dec!(0), dec!(0)]);
    assert_eq!(friendly(dec!(3874.2)), dec!(3800));
    assert_eq!(friendly(dec!(7.9)), dec!(7));
}

#[test]
fn the_slider_scale_walks_through_the_buyers_evenly() {
    // 99 small buyers and one whale: the whale only owns the last point.
    let mut values: Vec<Decimal> = (1..=99).map(|v| Decimal::from(v * 10)).collect();
    values.push(dec!(1000000));
    values.push(dec!(0)); // no purchase value: not a buyer
    let scale = value_scale(&values, 4);
    assert_eq!(scale, vec![dec!(10), dec!(250), dec!(500), dec!(750), dec!(1000000)]);
    assert!(scale.windows(2).all(|w| w[0] <= w[1]));
    assert!(value_scale(&[], 100).is_empty());
    assert_eq!(value_scale(&[dec!(55.5)], 2), vec![dec!(55), dec!(55), dec!(55)]);
}

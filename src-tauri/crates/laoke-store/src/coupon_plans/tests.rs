//! Coupon plans over a real (small) import: the estimate of a hand-computed
//! fixture, results against the target's qualifying purchases, learning the
//! rate from the shop's own results, bad plans changing nothing.

use super::*;
use laoke_core::dto::RateSource;
use laoke_core::segment::{Condition, Field, Filter, Op};
use laoke_core::ErrorCode;
use rust_decimal_macros::dec;

use crate::test_shop::{at, d, taobao_shop};

/// 小美 (the segment 茶友) bought 128.00 and 66.50 in the validity 12–19 March 2027,
/// and 99.00 just after it; 阿强 (not in the segment) 300.00 within it.
fn shop(dir: &std::path::Path) -> Store {
    let rows = [
        "3001,小美,128,交易成功,2027-03-12 20:30:00,2027-03-12 20:31:00,正山小种,1,0",
        "3002,小美,66.50,交易成功,2027-03-19 23:30:00,2027-03-19 23:31:00,滇红,1,0",
        "3003,小美,99,交易成功,2027-03-20 00:10:00,2027-03-20 00:11:00,滇红,1,0",
        "3004,阿强,300,交易成功,2027-03-14 10:00:00,2027-03-14 10:01:00,白毫银针,1,0",
    ];
    let mut s = taobao_shop(dir, &rows, at(2027, 3, 21, 9));
    let mei = Filter::all(vec![Condition { field: Field::Nick, op: Op::Contains, values: vec!["美".into()] }]);
    s.save_segment("茶友", &mei, at(2027, 3, 1, 9)).unwrap();
    s
}

fn plan(json: serde_json::Value) -> CouponPlan {
    let mut v = serde_json::json!({"name": "茶友回馈", "kind": "amount_off", "threshold": "100.00", "amount": "20.00",
        "quantity": 500, "valid_from": "2027-03-12", "valid_to": "2027-03-19", "target": {"segment": "茶友"}});
    for (k, x) in json.as_object().unwrap() {
        v[k] = x.clone();
    }
    coupon::parse(&v.to_string()).unwrap()
}

#[test]
fn estimate_results_and_learning_from_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let today = d(2027, 3, 21);
    // Everyone: 2 customers, 2 coupons; 8 % of 2 rounds to 0 → 0.00; 2 × 4 % × 20 = 1.60; 2 × 15 % × 20 = 6.00.
    let e = s.estimate_coupon_plan(None, &plan(serde_json::json!({"target": null})), today).unwrap();
    assert_eq!((e.target_size, e.handed_out, e.expected_redemptions), (2, 2, 0));
    assert_eq!((e.cost_low, e.cost_expected, e.cost_high), (dec!(1.60), dec!(0.00), dec!(6.00)));
    // The segment: 小美 alone.
    let v = s.add_coupon_plan(&plan(serde_json::json!({})), at(2027, 3, 10, 9), today).unwrap();
    assert_eq!((v.estimate.target_size, v.offer.as_str()), (1, "满100减20"));
    // She redeemed it: cost 20.00; her purchases in the window at ≥ 100: the 128.00 only
    // (66.50 is under the threshold, 99.00 after the window, 阿强 is not in the target).
    let r = s.record_coupon_results(v.id, 1, at(2027, 3, 21, 9), today).unwrap();
    assert_eq!((r.redeemed, r.cost, r.orders, r.revenue), (1, dec!(20.00), 1, dec!(128)));
    assert_eq!(r.roi, Some(dec!(5.4000)));
    assert_eq!(s.coupon_plans(None, today).unwrap()[0].results, Some(r));
    // The next amount-off plan learns 1 of 1 (Wilson 0.2065–1.0000); a discount plan does not.
    let e = s.estimate_coupon_plan(None, &plan(serde_json::json!({"name": "下一批"})), today).unwrap();
    assert_eq!(
        (e.rate_source, e.history_plans, e.redemption_rate, e.rate_low, e.rate_high),
        (RateSource::History, 1, dec!(1.0000), dec!(0.2065), dec!(1.0000))
    );
    let discount = plan(serde_json::json!({"kind": "discount", "amount": null, "discount": "0.90"}));
    assert_eq!(s.estimate_coupon_plan(None, &discount, today).unwrap().rate_source, RateSource::Default);
}

#[test]
fn bad_plans_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let today = d(2027, 3, 21);
    let e = s
        .add_coupon_plan(&plan(serde_json::json!({"target": {"segment": "没有"}})), at(2027, 3, 1, 9), today)
        .unwrap_err();
    assert_eq!((e.code(), e.details()["name"].as_str()), ("coupon.unknown_segment", Some("没有")));
    let e = s
        .add_coupon_plan(&plan(serde_json::json!({"target": {"tier": "钻石会员"}})), at(2027, 3, 1, 9), today)
        .unwrap_err();
    assert_eq!(e.code(), "coupon.unknown_tier");
    let e = s.add_coupon_plan(&plan(serde_json::json!({"amount": "120.00"})), at(2027, 3, 1, 9), today).unwrap_err();
    assert_eq!(e.code(), "coupon.amount_exceeds_threshold");
    assert!(s.coupon_plans(None, today).unwrap().is_empty());
    // A tier of the ladder is a target.
    let tier = s.ladder().unwrap().0.tiers[0].name.clone();
    s.add_coupon_plan(&plan(serde_json::json!({"target": {"tier": tier}})), at(2027, 3, 1, 9), today).unwrap();
    let e = s.record_coupon_results(1, -3, at(2027, 3, 21, 9), today).unwrap_err();
    assert_eq!(e.code(), "coupon.negative_count");
    assert_eq!(s.coupon_plans(None, today).unwrap()[0].results, None);
    assert_eq!(s.delete_coupon_plan(7).unwrap_err().code(), "coupon.not_found");
}

#[test]
fn a_care_rule_carries_a_plan_and_coupon_says_its_offer() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let today = d(2027, 3, 21);
    let v = s.add_coupon_plan(&plan(serde_json::json!({"code": "TEA20"})), at(2027, 3, 10, 9), today).unwrap();
    let rule = serde_json::json!({"name": "回馈", "trigger": {"kind": "campaign", "date": "2027-03-25"},
        "channel": "wangwang", "send_at": "10:00", "template": "{nick}，送你一张券：{coupon}", "coupon_plan": v.id});
    let rule: laoke_core::dto::CareRule = laoke_core::care::parse(&rule.to_string()).unwrap();
    s.add_care_rule(&rule, at(2027, 3, 21, 9)).unwrap();
    let m = s.plan_care(d(2027, 3, 25), d(2027, 3, 25), at(2027, 3, 21, 9)).unwrap();
    assert_eq!(
        m.iter().map(|m| m.text.as_str()).collect::<Vec<_>>(),
        vec!["小美，送你一张券：满100减20，券码 TEA20", "阿强，送你一张券：满100减20，券码 TEA20"]
    );
    let mut gone = rule.clone();
    gone.coupon_plan = Some(99);
    assert_eq!(s.add_care_rule(&gone, at(2027, 3, 21, 9)).unwrap_err().code(), "care.unknown_coupon_plan");
}

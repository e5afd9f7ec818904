//! Coupon plans over a real (small) import: the estimate of a hand-computed
//! fixture, results against the target's qualifying purchases, learning the
//! rate from the shop's own results, bad plans changing nothing.

use super::*;
use laoke_core::dto::{RateSource, ResultSource};
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

/// A Shopify export whose orders name the coupon codes and the discount, read in
/// Shanghai time (the archive's default zone).
fn shopify_shop(dir: &std::path::Path, rows: &[&str]) -> Store {
    let mut s = Store::open(dir.join("a.db")).unwrap();
    import_shopify(&mut s, dir, "orders_export.csv", rows);
    let mei = Filter::all(vec![Condition { field: Field::Nick, op: Op::Contains, values: vec!["美".into()] }]);
    s.save_segment("茶友", &mei, at(2027, 3, 1, 9)).unwrap();
    s
}

fn import_shopify(s: &mut Store, dir: &std::path::Path, name: &str, rows: &[&str]) {
    let header = "Name,Email,Financial Status,Paid at,Fulfillment Status,Total,Discount Code,Discount Amount,\
                  Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Name";
    let path = dir.join(name);
    std::fs::write(&path, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
    let flags = crate::ImportFlags::default();
    s.import_file(&path, &laoke_core::import::ImportOptions::default(), &flags, at(2027, 3, 21, 9), |_| true).unwrap();
}

const CODED: [&str; 5] = [
    "#1001,mei@example.com,paid,2027-03-12 20:31:00 +0800,fulfilled,180.00,TEA20,20.00,2027-03-12 20:30:00 +0800,1,正山小种,200.00,小美",
    "#1002,qiang@example.com,paid,2027-03-14 10:01:00 +0800,fulfilled,280.00,\"tea20, SPRING\",30.00,2027-03-14 10:00:00 +0800,1,白毫银针,310.00,阿强",
    // After the validity window.
    "#1003,mei@example.com,paid,2027-03-20 09:01:00 +0800,fulfilled,180.00,TEA20,20.00,2027-03-20 09:00:00 +0800,1,滇红,200.00,小美",
    "#1004,qiang@example.com,paid,2027-03-15 10:01:00 +0800,fulfilled,90.00,WELCOME,10.00,2027-03-15 10:00:00 +0800,1,滇红,100.00,阿强",
    // No code, the shop's 20.00 off.
    "#1005,mei@example.com,paid,2027-03-16 10:01:00 +0800,fulfilled,180.00,,20.00,2027-03-16 10:00:00 +0800,1,滇红,200.00,小美",
];

#[test]
fn redemptions_are_matched_in_the_imported_orders() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shopify_shop(dir.path(), &CODED);
    let today = d(2027, 3, 21);
    let shop = s.shops().unwrap()[0].id;
    let o = s.order(shop, "#1002").unwrap().unwrap();
    assert_eq!((o.coupon_code.as_deref(), o.discount), (Some("tea20, SPRING"), Some(dec!(30.00))));
    assert_eq!(s.order(shop, "#1005").unwrap().unwrap().coupon_code, None);

    // With the code, everyone: #1001 and #1002 (any case, one of two codes); #1003 is late, #1004 another code.
    let coded =
        s.add_coupon_plan(&plan(serde_json::json!({"code": "TEA20", "target": null})), at(2027, 3, 10, 9), today);
    let coded = coded.unwrap();
    let m = coded.matched.clone().unwrap();
    assert_eq!((m.redeemed, m.by_code, m.by_offer, m.cost, m.revenue), (2, 2, 0, dec!(50.00), dec!(460.00)));
    assert_eq!((m.source, coded.results), (ResultSource::Orders, None), "shown, not yet taken over");

    // Without a code, the segment 茶友 (小美): her orders whose shop discount is the 20.00 off.
    let plain = s.add_coupon_plan(&plan(serde_json::json!({})), at(2027, 3, 10, 9), today).unwrap();
    let m = plain.matched.clone().unwrap();
    assert_eq!((m.redeemed, m.by_code, m.by_offer, m.cost, m.revenue), (2, 0, 2, dec!(40.00), dec!(360.00)));

    // Taken over as the results, they follow later imports.
    let r = s.record_coupon_results_from_orders(None, plain.id, at(2027, 3, 21, 9), today).unwrap();
    assert_eq!(r, m);
    import_shopify(&mut s, dir.path(), "later.csv", &[
        "#1006,mei@example.com,paid,2027-03-18 10:01:00 +0800,fulfilled,120.00,,20.00,2027-03-18 10:00:00 +0800,1,滇红,140.00,小美",
    ]);
    let view = s.coupon_plans(None, today).unwrap().into_iter().find(|v| v.id == plain.id).unwrap();
    let results = view.results.unwrap();
    assert_eq!((results.source, results.redeemed, results.revenue), (ResultSource::Orders, 3, dec!(480.00)));
    // The count recorded (2; one coupon went out to the segment of one) teaches the next estimate.
    let e = s.estimate_coupon_plan(None, &plan(serde_json::json!({"name": "下一批"})), today).unwrap();
    assert_eq!((e.rate_source, e.history_plans), (RateSource::History, 1));

    // A hand count replaces them.
    let hand = s.record_coupon_results(plain.id, 5, at(2027, 3, 21, 9), today).unwrap();
    assert_eq!((hand.source, hand.redeemed, hand.cost), (ResultSource::Hand, 5, dec!(100.00)));
    let view = s.coupon_plans(None, today).unwrap().into_iter().find(|v| v.id == plain.id).unwrap();
    assert_eq!((view.results.unwrap().source, view.matched.unwrap().redeemed), (ResultSource::Hand, 3));
}

#[test]
fn a_taobao_export_names_no_coupon_and_matches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let v = s.add_coupon_plan(&plan(serde_json::json!({})), at(2027, 3, 10, 9), d(2027, 3, 21)).unwrap();
    assert_eq!(v.matched, None);
    let r = s.record_coupon_results_from_orders(None, v.id, at(2027, 3, 21, 9), d(2027, 3, 21)).unwrap();
    assert_eq!((r.redeemed, r.cost, r.roi), (0, dec!(0.00), None));
}

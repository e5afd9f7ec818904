use super::*;
use crate::dto::Target;
use crate::error::ErrorCode;
use rust_decimal_macros::dec;

const PLAN: &str = r#"{"name": "老客回馈", "kind": "amount_off", "threshold": "199.00", "amount": "20.00",
    "quantity": 500, "valid_from": "2027-03-01", "valid_to": "2027-03-15", "target": {"tier": "高级会员"}}"#;

fn with(field: &str, value: serde_json::Value) -> String {
    let mut v: serde_json::Value = serde_json::from_str(PLAN).unwrap();
    v[field] = value;
    v.to_string()
}

fn plan(text: &str) -> CouponPlan {
    parse(text).unwrap()
}

#[test]
fn the_issue_example_reads_and_checks() {
    let p = plan(PLAN);
    assert_eq!(
        (p.kind, p.threshold, p.amount, p.quantity),
        (CouponKind::AmountOff, dec!(199.00), Some(dec!(20.00)), 500)
    );
    assert_eq!(p.target, Some(Target::Tier("高级会员".into())));
    check(&p).unwrap();
    let d = plan(&with("kind", "discount".into()).replace("\"amount\":\"20.00\"", "\"discount\":\"0.90\""));
    check(&d).unwrap();
}

#[test]
fn every_kind_of_bad_plan_has_its_own_code() {
    let code = |text: &str| {
        let e = parse(text).and_then(|p| check(&p)).unwrap_err();
        (e.code(), e.details())
    };
    let (c, p) = code(&with("amount", "250.00".into()));
    assert_eq!(
        (c, p["amount"].as_str(), p["threshold"].as_str()),
        ("coupon.amount_exceeds_threshold", Some("250.00"), Some("199.00"))
    );
    let (c, p) = code(&with("valid_to", "2027-02-28".into()));
    assert_eq!(
        (c, p["from"].as_str(), p["to"].as_str()),
        ("coupon.validity_reversed", Some("2027-03-01"), Some("2027-02-28"))
    );
    let (c, p) = code(&with("valid_to", "2027-02-30".into()));
    assert_eq!((c, p["field"].as_str()), ("coupon.date_invalid", Some("valid_to")));
    let (c, p) = code(&with("amount", "二十".into()));
    assert_eq!((c, p["field"].as_str(), p["value"].as_str()), ("coupon.not_a_number", Some("amount"), Some("二十")));
    assert_eq!(code(&with("amount", serde_json::Value::Null)).0, "coupon.amount_missing");
    assert_eq!(code(&with("quantity", 0.into())).0, "coupon.quantity_zero");
    assert_eq!(code(&with("name", "".into())).0, "coupon.name_length");
    assert_eq!(code(&with("kind", "bogo".into())).0, "coupon.field_invalid");
    let discount =
        |d: &str| with("kind", "discount".into()).replace("\"amount\":\"20.00\"", &format!("\"discount\":\"{d}\""));
    for bad in ["1.00", "0", "1.5"] {
        assert_eq!(code(&discount(bad)).0, "coupon.discount_out_of_range", "{bad}");
    }
}

#[test]
fn offers_read_as_sellers_write_them() {
    let p = plan(PLAN);
    assert_eq!(offer(&p, false), "满199减20");
    assert_eq!(offer(&p, true), "20 off orders of 199 or more");
    let mut d = plan(&with("kind", "discount".into()).replace("\"amount\":\"20.00\"", "\"discount\":\"0.85\""));
    d.code = Some("VIP85".into());
    assert_eq!(offer(&d, false), "满199享8.5折，券码 VIP85");
    d.threshold = Decimal::ZERO;
    assert_eq!(offer(&d, true), "15% off, code VIP85");
}

/// Hand-computed: 1,000 customers in the target, 500 coupons of 满199减20, no
/// history → the amount-off default 8 % (4–15 %): 40 redemptions expected,
/// 500 × 0.04 × 20 = 400.00, 40 × 20 = 800.00, 500 × 0.15 × 20 = 1,500.00.
#[test]
fn an_estimate_without_history_uses_the_default_rate() {
    let e = estimate(&plan(PLAN), &EstimateInputs { target_size: 1000, target_aov: Some(dec!(180)), history: &[] });
    assert_eq!((e.target_size, e.handed_out, e.expected_redemptions), (1000, 500, 40));
    assert_eq!((e.redemption_rate, e.rate_low, e.rate_high), (dec!(0.0800), dec!(0.0400), dec!(0.1500)));
    assert_eq!(e.rate_source, RateSource::Default);
    assert_eq!(
        (e.per_redemption.to_string(), e.cost_low.to_string(), e.cost_expected.to_string(), e.cost_high.to_string()),
        ("20.00".into(), "400.00".into(), "800.00".into(), "1500.00".into())
    );
}

/// Hand-computed: a target of 120 (fewer than the 500 coupons), 9折 (10 % off)
/// with threshold 199 and an average order of 250.00 → one redemption costs
/// 25.00; history 30 of 200 and 10 of 100 → 40 / 300 = 0.1333; 120 × 0.1333 =
/// 16 redemptions → 400.00 expected. The Wilson interval of 40 in 300 is
/// 0.0995–0.1765 → 120 × 0.0995 × 25 = 298.50 and 120 × 0.1765 × 25 = 529.50.
#[test]
fn an_estimate_learns_from_the_shops_own_plans() {
    let d = plan(&with("kind", "discount".into()).replace("\"amount\":\"20.00\"", "\"discount\":\"0.90\""));
    let e = estimate(
        &d,
        &EstimateInputs { target_size: 120, target_aov: Some(dec!(250)), history: &[(30, 200), (10, 100)] },
    );
    assert_eq!((e.handed_out, e.history_plans, e.rate_source), (120, 2, RateSource::History));
    assert_eq!((e.redemption_rate, e.rate_low, e.rate_high), (dec!(0.1333), dec!(0.0995), dec!(0.1765)));
    assert_eq!((e.expected_redemptions, e.per_redemption), (16, dec!(25.00)));
    assert_eq!((e.cost_low, e.cost_expected, e.cost_high), (dec!(298.50), dec!(400.00), dec!(529.50)));
    // A target whose average order is under the threshold pays at least the threshold.
    let low = estimate(&d, &EstimateInputs { target_size: 10, target_aov: Some(dec!(50)), history: &[] });
    assert_eq!(low.per_redemption, dec!(19.90));
}

#[test]
fn results_give_cost_and_roi() {
    let r = results(37, dec!(20.00), 52, dec!(11230.40));
    assert_eq!((r.cost, r.roi), (dec!(740.00), Some(dec!(14.1762))));
    assert_eq!(results(0, dec!(20.00), 3, dec!(600)).roi, None);
}

fn bought<'a>(in_target: bool, paid: Decimal, code: Option<&'a str>, discount: Option<Decimal>) -> Purchase<'a> {
    Purchase { in_target, amount_paid: paid, value: paid, coupon_code: code, discount }
}

#[test]
fn a_code_matches_the_orders_that_name_it_whoever_bought() {
    let p = plan(&with("code", "TEA20".into()));
    // Case-insensitive, one of several codes, any buyer; the threshold was the shop's to enforce.
    assert_eq!(redemption(&p, &bought(false, dec!(90), Some("tea20"), Some(dec!(20)))), Some(MatchedBy::Code));
    assert_eq!(redemption(&p, &bought(true, dec!(300), Some("WELCOME, TEA20"), None)), Some(MatchedBy::Code));
    // Another code, no code, or only the right amount: not this plan's.
    assert_eq!(redemption(&p, &bought(true, dec!(300), Some("TEA200"), Some(dec!(20)))), None);
    assert_eq!(redemption(&p, &bought(true, dec!(300), None, Some(dec!(20)))), None);
}

#[test]
fn without_a_code_the_shops_discount_must_be_the_offer() {
    let p = plan(PLAN); // 满199减20, target 高级会员
                        // 180 paid + 20 off = 200 ≥ 199, in the target.
    assert_eq!(redemption(&p, &bought(true, dec!(180), None, Some(dec!(20.00)))), Some(MatchedBy::Offer));
    // Outside the target, under the threshold (170 + 20 = 190), another discount, none at all.
    assert_eq!(redemption(&p, &bought(false, dec!(180), None, Some(dec!(20)))), None);
    assert_eq!(redemption(&p, &bought(true, dec!(170), None, Some(dec!(20)))), None);
    assert_eq!(redemption(&p, &bought(true, dec!(180), None, Some(dec!(10)))), None);
    assert_eq!(redemption(&p, &bought(true, dec!(180), None, Some(dec!(0)))), None);
    assert_eq!(redemption(&p, &bought(true, dec!(180), None, None)), None, "an export without discounts");
    // 9折: 10 % of the price before it, to the cent: 270 paid + 30 off = 300.
    let d = plan(&with("kind", "discount".into()).replace("\"amount\":\"20.00\"", "\"discount\":\"0.90\""));
    assert_eq!(redemption(&d, &bought(true, dec!(270), None, Some(dec!(30)))), Some(MatchedBy::Offer));
    assert_eq!(redemption(&d, &bought(true, dec!(270), None, Some(dec!(29)))), None);
}

#[test]
fn matched_results_cost_the_discounts_given() {
    let p = plan(&with("code", "TEA20".into()));
    let orders = [
        bought(true, dec!(180), Some("TEA20"), Some(dec!(20))),
        // The export named the code but not the amount: the plan's 20.00.
        bought(false, dec!(250), Some("tea20"), None),
        bought(true, dec!(500), Some("OTHER"), Some(dec!(50))),
    ];
    let r = matched_results(&p, dec!(20.00), orders);
    assert_eq!((r.redeemed, r.orders, r.by_code, r.by_offer), (2, 2, 2, 0));
    assert_eq!((r.cost, r.revenue, r.source), (dec!(40.00), dec!(430.00), ResultSource::Orders));
    // (430 − 40) / 40 = 9.75.
    assert_eq!(r.roi, Some(dec!(9.7500)));
    let none = matched_results(&p, dec!(20.00), []);
    assert_eq!((none.redeemed, none.cost, none.roi), (0, dec!(0.00), None));
}

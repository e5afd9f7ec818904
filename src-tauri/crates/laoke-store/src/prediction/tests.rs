//! The forecast over a real (small) import: transactions are purchase days
//! (two orders on one day are one, a paid order worth nothing counts, a closed
//! one does not), a shop this small gets the fallback rule's figures (checked
//! by hand) with the reason, and bad requests are refused with their codes.

use super::*;
use crate::test_shop::{at, d, taobao_shop};

fn shop(dir: &std::path::Path) -> Store {
    let rows = [
        "5001,小美,100,交易成功,2027-01-01 10:00:00,2027-01-01 10:01:00,正山小种,1,0",
        "5002,小美,50,交易成功,2027-01-01 15:00:00,2027-01-01 15:01:00,滇红,1,0",
        "5003,小美,80,交易成功,2027-01-31 09:00:00,2027-01-31 09:01:00,滇红,1,0",
        "5004,阿强,0,交易成功,2027-01-10 09:00:00,2027-01-10 09:01:00,试饮装,1,0",
        "5005,阿强,60,交易成功,2027-01-20 09:00:00,2027-01-20 09:01:00,白茶,1,0",
        "5006,老王,90,交易关闭,2027-01-05 09:00:00,,白茶,1,0",
        "5007,老王,40,交易成功,2027-01-15 09:00:00,2027-01-15 09:01:00,绿茶,1,0",
    ];
    taobao_shop(dir, &rows, at(2027, 2, 1, 9))
}

fn request() -> PredictRequest {
    PredictRequest { as_of: None, unit: Unit::Day, horizon_days: 365 }
}

#[test]
fn a_small_shop_gets_the_fallback_rule_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let s = shop(dir.path());
    let p = s.predict(&request()).unwrap();
    let m = &p.model;
    assert_eq!((m.as_of.as_str(), m.customers, m.repeat_buyers, m.reliable), ("2027-01-31", 3, 2, false));
    let why = m.why.as_ref().unwrap();
    assert_eq!(
        (why.code.as_str(), &why.details["customers"], &why.details["min"]),
        ("predict.too_few_customers", &3.into(), &100.into())
    );
    assert_eq!((m.r, m.ll, m.p), (None, None, None), "no unreliable fit is shown");
    let by_nick = |n: &str| p.customers.iter().find(|c| c.nick == n).unwrap().clone();
    // 小美: 150.00 on 1 Jan (two orders), 80.00 on 31 Jan. τ = (30 + 10) / 2 = 20 days.
    let mei = by_nick("小美");
    assert_eq!((mei.x, mei.t_x, mei.t, mei.p_alive, mei.expected_90d), (1, 30.0, 30.0, 1.0, 6.0));
    assert_eq!(mei.value, Decimal::new(11500, 2));
    // 阿强: the free sample on 10 Jan counts; e^−11/20 alive, 2 purchases in 21 days.
    let qiang = by_nick("阿强");
    assert_eq!((qiang.x, qiang.t_x, qiang.t, qiang.p_alive), (1, 10.0, 21.0, 0.5769));
    assert_eq!(qiang.expected_90d, round((-0.55f64).exp() * 2.0 / 21.0 * 90.0, 4));
    // 老王: his closed order is no purchase.
    let wang = by_nick("老王");
    assert_eq!((wang.x, wang.t, wang.p_alive), (0, 16.0, 0.4493));
    // Most valuable first.
    assert!(p.customers.windows(2).all(|w| w[0].clv >= w[1].clv));
}

#[test]
fn bad_requests_are_refused_with_their_codes() {
    let dir = tempfile::tempdir().unwrap();
    let s = shop(dir.path());
    for horizon in [0, 3651] {
        let e = s.predict(&PredictRequest { horizon_days: horizon, ..request() }).unwrap_err();
        assert_eq!(e.code(), "predict.horizon_out_of_range");
    }
    let e = s.predict(&PredictRequest { as_of: Some(d(2026, 12, 31)), ..request() }).unwrap_err();
    assert_eq!((e.code(), e.details()["first"].as_str()), ("predict.as_of_before_first_purchase", Some("2027-01-01")));
    // A calibration end inside the data leaves the later purchases out: 老王 had not bought yet.
    let p = s.predict(&PredictRequest { as_of: Some(d(2027, 1, 12)), ..request() }).unwrap();
    assert_eq!(p.model.customers, 2);
    assert_eq!(p.customers.iter().map(|c| c.x).sum::<u32>(), 0);
}

#[test]
fn an_empty_archive_predicts_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path().join("a.db")).unwrap();
    let p = s.predict(&request()).unwrap();
    assert!(p.customers.is_empty() && !p.model.reliable);
}

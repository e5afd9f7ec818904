//! Tiers over a real import: preview = apply, AND/OR, windows at their edge,
//! refunds, downgrades only at review time with grace, pins.

use super::*;
use crate::ImportFlags;
use chrono::{TimeZone, Utc};
use laoke_core::import::ImportOptions;
use laoke_core::tier::{Combine, ReviewPeriod, TierRule};
use rust_decimal_macros::dec;

const HEADER: &str =
    "订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,退款金额\n";

fn done(no: u32, buyer: &str, amount: &str, at: &str) -> String {
    format!("{no},{buyer},{amount},交易成功,{at},{at},龙井,1,0")
}

fn import(store: &mut Store, dir: &std::path::Path, name: &str, rows: &[String]) {
    let path = dir.join(name);
    std::fs::write(&path, format!("{HEADER}{}\n", rows.join("\n"))).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
    store.import_file(&path, &ImportOptions::default(), &ImportFlags::default(), now, |_| true).unwrap();
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn ladder(window: TierWindow) -> TierLadder {
    let t = |name: &str, v: Option<Decimal>, p: Option<u32>, combine, discount| TierRule {
        name: name.into(),
        min_value: v,
        min_purchases: p,
        combine,
        discount,
        benefits: String::new(),
        color: None,
    };
    TierLadder {
        window,
        review: ReviewPeriod::Monthly,
        grace_days: 7,
        tiers: vec![
            t("会员", Some(dec!(1)), None, Combine::And, dec!(1)),
            t("银卡", Some(dec!(500)), Some(2), Combine::And, dec!(0.95)),
            t("金卡", Some(dec!(1000)), Some(5), Combine::Or, dec!(0.9)),
        ],
    }
}

fn tier_of(store: &Store, buyer: &str) -> Option<String> {
    store
        .conn
        .query_row(
            "SELECT t.tier FROM customer_tiers t JOIN customers c ON c.id = t.customer_id WHERE c.buyer_id = ?1",
            [buyer],
            |r| r.get(0),
        )
        .optional()
        .unwrap()
}

fn shop(dir: &std::path::Path) -> Store {
    let mut s = Store::open(dir.join("shop.db")).unwrap();
    import(
        &mut s,
        dir,
        "a.csv",
        &[
            // 600 in two purchases: silver (AND needs both).
            done(1, "silver", "300.00", "2026-03-01 10:00:00"),
            done(2, "silver", "300.00", "2026-04-01 10:00:00"),
            // 900 in one purchase: value alone is not silver (AND).
            done(3, "one_big", "900.00", "2026-05-01 10:00:00"),
            // 1200 in one purchase: gold by value (OR).
            done(4, "gold", "1200.00", "2026-06-01 10:00:00"),
            // A purchase exactly a year before 22 Nov 2026 (local time): outside a rolling window.
            done(5, "edge", "2000.00", "2025-11-22 09:00:00"),
            done(6, "edge", "10.00", "2026-11-01 09:00:00"),
            // One day later: inside.
            done(7, "inside", "2000.00", "2025-11-23 09:00:00"),
        ],
    );
    s
}

#[test]
fn preview_promises_what_apply_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let l = ladder(TierWindow::Lifetime);
    let preview = s.tier_preview(&l, d(2026, 11, 22)).unwrap();
    let counts: Vec<u32> = preview.tiers.iter().map(|t| t.customers).collect();
    assert_eq!(counts, vec![1, 1, 3], "会员: one_big; 银卡: silver; 金卡: gold, edge, inside");
    assert!(preview.tiers.iter().all(|t| t.customers_now == 0), "nothing applied yet");
    assert_eq!(preview.tiers[2].moved_up, 3);
    assert_eq!(s.tier_state().unwrap().tiers.iter().map(|t| t.customers).sum::<u32>(), 0, "a preview saves nothing");
    s.tier_apply(&l, d(2026, 11, 22)).unwrap();
    let state = s.tier_state().unwrap();
    assert_eq!(state.tiers.iter().map(|t| t.customers).collect::<Vec<_>>(), counts);
    assert_eq!(tier_of(&s, "one_big").as_deref(), Some("会员"));
    // Discount cost: 5 % of silver's 600 spent in the last 12 months.
    assert_eq!(preview.tiers[1].discount_cost, dec!(30.00));
    let id: i64 = s.conn.query_row("SELECT id FROM customers WHERE buyer_id = 'gold'", [], |r| r.get(0)).unwrap();
    let h = s.tier_history(id).unwrap();
    assert_eq!((h[0].from.as_deref(), h[0].to.as_deref(), h[0].reason), (None, Some("金卡"), TierChangeReason::Ladder));
}

#[test]
fn a_rolling_window_drops_the_purchase_exactly_a_year_ago() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    s.tier_apply(&ladder(TierWindow::Rolling12m), d(2026, 11, 22)).unwrap();
    assert_eq!(tier_of(&s, "edge").as_deref(), Some("会员"), "only the 10.00 of this month counts");
    assert_eq!(tier_of(&s, "inside").as_deref(), Some("金卡"));
    let cal = s.tier_preview(&ladder(TierWindow::CalendarYear), d(2026, 11, 22)).unwrap();
    assert_eq!(cal.tiers[2].customers, 1, "in 2026 only gold reached 1000");
}

#[test]
fn downgrades_wait_for_review_and_grace_upgrades_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    s.tier_apply(&ladder(TierWindow::Lifetime), d(2026, 11, 22)).unwrap();
    // gold's order is refunded in full: value 0, below every tier.
    import(
        &mut s,
        dir.path(),
        "b.csv",
        &["4,gold,1200.00,交易成功,2026-06-01 10:00:00,2026-06-01 10:00:00,龙井,1,1200.00".into()],
    );
    // one_big buys again: 2 purchases and 1000 → gold (OR by value) at once.
    import(&mut s, dir.path(), "c.csv", &[done(8, "one_big", "100.00", "2026-11-22 10:00:00")]);
    assert_eq!(s.tier_evaluate(d(2026, 11, 22)).unwrap(), 1);
    assert_eq!(tier_of(&s, "one_big").as_deref(), Some("金卡"), "upgrades happen on the purchase");
    assert_eq!(tier_of(&s, "gold").as_deref(), Some("金卡"), "downgrades wait");
    // Review on 1 Dec, 7 days of grace: still gold on 7 Dec, none on 8 Dec.
    assert_eq!(s.tier_evaluate(d(2026, 12, 7)).unwrap(), 0);
    assert_eq!(tier_of(&s, "gold").as_deref(), Some("金卡"));
    assert_eq!(s.tier_evaluate(d(2026, 12, 8)).unwrap(), 1);
    assert_eq!(tier_of(&s, "gold"), None, "a refund dropped them below every tier");
    let id: i64 = s.conn.query_row("SELECT id FROM customers WHERE buyer_id = 'gold'", [], |r| r.get(0)).unwrap();
    assert_eq!(s.tier_history(id).unwrap().last().unwrap().reason, TierChangeReason::Review);
}

#[test]
fn pins_survive_recomputes_and_ladder_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let l = ladder(TierWindow::Lifetime);
    s.tier_apply(&l, d(2026, 11, 22)).unwrap();
    let id: i64 = s.conn.query_row("SELECT id FROM customers WHERE buyer_id = 'one_big'", [], |r| r.get(0)).unwrap();
    s.tier_pin(id, Some("金卡"), d(2026, 11, 22)).unwrap();
    s.tier_evaluate(d(2027, 3, 1)).unwrap();
    s.tier_apply(&l, d(2027, 3, 1)).unwrap();
    assert_eq!(tier_of(&s, "one_big").as_deref(), Some("金卡"));
    assert_eq!(s.tier_state().unwrap().pinned, 1);
    let profile = s.customer_profile(id, d(2027, 3, 1)).unwrap();
    assert_eq!(
        (profile.tier.as_deref(), profile.tier_pinned, profile.tier_since.as_deref()),
        (Some("金卡"), true, Some("2026-11-22"))
    );
    assert_eq!(profile.tier_history.last().unwrap().reason, TierChangeReason::Manual);
    assert!(s.tier_pin(id, Some("钻石"), d(2026, 11, 22)).is_err(), "only tiers of the ladder");
    s.tier_pin(id, None, d(2027, 3, 1)).unwrap();
    s.tier_apply(&l, d(2027, 3, 1)).unwrap();
    assert_eq!(tier_of(&s, "one_big").as_deref(), Some("会员"));
    // A ladder that breaks the discount-depth rule is refused.
    let mut bad = l.clone();
    bad.tiers[2].discount = dec!(0.99);
    let err = s.tier_apply(&bad, d(2027, 3, 1)).unwrap_err();
    assert_eq!(laoke_core::ErrorCode::code(&err), "ladder.discount_not_deeper");
    assert_eq!(laoke_core::ErrorCode::details(&err), serde_json::json!({ "tier": 3, "previous": 2 }));
}

#[test]
fn a_preview_over_inputs_read_once_equals_a_fresh_one() {
    let dir = tempfile::tempdir().unwrap();
    let s = shop(dir.path());
    let today = d(2026, 11, 22);
    let inputs = s.tier_inputs(TierWindow::Lifetime, today).unwrap();
    for min in [dec!(300), dec!(600), dec!(1500)] {
        let mut l = ladder(TierWindow::Lifetime);
        l.tiers[1].min_value = Some(min);
        assert_eq!(s.tier_preview_in(&l, &inputs).unwrap(), s.tier_preview(&l, today).unwrap());
    }
    // Inputs of another window are not used for this ladder.
    let rolling = ladder(TierWindow::Rolling12m);
    assert_eq!(s.tier_preview_in(&rolling, &inputs).unwrap(), s.tier_preview(&rolling, today).unwrap());
}

#[test]
fn the_movers_list_names_whom_the_preview_counts() {
    use laoke_core::dto::{MoveDirection, TierMoverQuery};
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let today = d(2026, 11, 22);
    s.tier_apply(&ladder(TierWindow::Lifetime), today).unwrap();
    // 金卡 needs 2000 now and 银卡 any one purchase: gold (1200) goes down, one_big (900) up.
    let mut l = ladder(TierWindow::Lifetime);
    l.tiers[2].min_value = Some(dec!(2000));
    l.tiers[1].min_value = Some(dec!(1));
    l.tiers[1].min_purchases = Some(1);
    let inputs = s.tier_inputs(l.window, today).unwrap();
    let preview = s.tier_preview_in(&l, &inputs).unwrap();
    let q = |direction, tier: Option<&str>| TierMoverQuery { direction, tier: tier.map(Into::into), limit: 10 };
    let down = s.tier_movers_in(&l, &inputs, &q(MoveDirection::Down, None)).unwrap();
    let up = s.tier_movers_in(&l, &inputs, &q(MoveDirection::Up, None)).unwrap();
    let moved_down: u32 = preview.tiers.iter().map(|t| t.moved_down).sum::<u32>() + preview.dropped;
    let moved_up: u32 = preview.tiers.iter().map(|t| t.moved_up).sum();
    assert_eq!((down.total, up.total), (moved_down, moved_up));
    // gold (1200, one purchase) falls to 银卡; one_big (900) rises from 会员 to 银卡.
    let names = |m: &laoke_core::dto::TierMoves| m.customers.iter().map(|c| c.buyer_id.clone()).collect::<Vec<_>>();
    assert_eq!(names(&down), vec!["gold"]);
    assert_eq!((down.customers[0].from.as_deref(), down.customers[0].to.as_deref()), (Some("金卡"), Some("银卡")));
    assert_eq!(down.customers[0].value, dec!(1200.00));
    assert_eq!(names(&up), vec!["one_big"]);
    let into_gold = s.tier_movers_in(&l, &inputs, &q(MoveDirection::Up, Some("金卡"))).unwrap();
    assert_eq!(into_gold.total, 0);
    assert!(s.tier_movers_in(&l, &inputs, &q(MoveDirection::Up, Some("钻石"))).is_err());
    let dropped = s.tier_movers_in(&l, &inputs, &q(MoveDirection::Dropped, None)).unwrap();
    assert_eq!(dropped.total, preview.dropped);
}

#[test]
fn recent_changes_list_the_shop_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    s.tier_apply(&ladder(TierWindow::Lifetime), d(2026, 11, 22)).unwrap();
    let id: i64 = s.conn.query_row("SELECT id FROM customers WHERE buyer_id = 'silver'", [], |r| r.get(0)).unwrap();
    s.tier_pin(id, Some("金卡"), d(2026, 11, 23)).unwrap();
    let all = s.tier_changes_recent(50, false).unwrap();
    assert_eq!(all.len(), 6, "five customers got a tier from the ladder, one pin");
    assert_eq!(
        (all[0].buyer_id.as_str(), all[0].reason, all[0].on.as_str()),
        ("silver", TierChangeReason::Manual, "2026-11-23")
    );
    assert_eq!((all[0].from.as_deref(), all[0].to.as_deref()), (Some("银卡"), Some("金卡")));
    let day_to_day = s.tier_changes_recent(50, true).unwrap();
    assert_eq!(day_to_day.len(), 1);
    assert_eq!(s.tier_changes_recent(2, false).unwrap().len(), 2);
}

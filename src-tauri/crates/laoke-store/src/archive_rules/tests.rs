//! Stages and RFM over a real (imported) archive: boundaries at midnight in
//! Asia/Shanghai, history, previews, and what survives a re-import.

use super::*;
use crate::ImportFlags;
use chrono::{TimeZone, Utc};
use laoke_core::import::ImportOptions;
use std::path::Path;

const HEADER: &str = "订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,宝贝标题,宝贝总数量\n";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// Times in the file are Shanghai wall-clock time, as Taobao writes them.
fn rows() -> Vec<String> {
    let done = |no: u32, buyer: &str, at: &str| format!("{no},{buyer},100.00,交易成功,{at},{at},龙井,1");
    vec![
        // Exactly 90 days before 22 Nov, one minute after local midnight (still 23 Aug in UTC).
        done(1, "a_active_edge", "2026-08-24 00:01:00"),
        // One minute before that midnight: 91 days.
        done(2, "b_sleeping_edge", "2026-08-23 23:59:00"),
        format!("3,c_potential,50.00,等待买家付款,2026-11-20 10:00:00,,龙井,1"),
        done(4, "d_loyal", "2026-03-01 10:00:00"),
        done(5, "d_loyal", "2026-10-01 10:00:00"),
        done(6, "d_loyal", "2026-11-01 10:00:00"),
        done(7, "e_new", "2026-11-01 10:00:00"),
        done(8, "f_churned", "2026-01-01 10:00:00"),
    ]
}

fn store_with(dir: &Path) -> Store {
    let path = dir.join("orders.csv");
    std::fs::write(&path, format!("{HEADER}{}\n", rows().join("\n"))).unwrap();
    let mut store = Store::open(dir.join("shop.db")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
    store.import_file(&path, &ImportOptions::default(), &ImportFlags::default(), now, |_| true).unwrap();
    store
}

fn stage(store: &Store, buyer: &str) -> String {
    store
        .conn
        .query_row(
            "SELECT s.stage FROM customer_scores s JOIN customers c ON c.id = s.customer_id WHERE c.buyer_id = ?1",
            [buyer],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn stages_at_the_midnight_boundary_in_shanghai() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with(dir.path());
    let report = store.recompute(today()).unwrap();
    assert_eq!(stage(&store, "a_active_edge"), "active");
    assert_eq!(stage(&store, "b_sleeping_edge"), "sleeping");
    assert_eq!(stage(&store, "c_potential"), "potential");
    assert_eq!(stage(&store, "d_loyal"), "loyal");
    assert_eq!(stage(&store, "e_new"), "new");
    assert_eq!(stage(&store, "f_churned"), "churned");
    let want: BTreeMap<String, u32> =
        [("active", 1), ("churned", 1), ("loyal", 1), ("new", 1), ("potential", 1), ("sleeping", 1)]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
    assert_eq!(report.stages, want);
    assert_eq!(report.stage_changes, 6, "first staging is recorded for everyone");
    // Counting from the orders agrees with the stored stages.
    assert_eq!(store.stage_counts(today()).unwrap().stages, want);
    // Nothing changed: a second run records nothing.
    assert_eq!(store.recompute(today()).unwrap().stage_changes, 0);
    assert!(store.refresh(today()).unwrap().is_none(), "fresh scores are not recomputed");
}

#[test]
fn stage_counts_on_an_earlier_day_use_only_the_purchases_made_by_then() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path());
    let then = store.stage_counts(NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()).unwrap();
    assert_eq!(then.as_of, "2026-03-15");
    // On 15 Mar: d (first purchase 1 Mar) is new, f (1 Jan) is active, the rest had not bought yet.
    assert_eq!(then.stages["new"], 1);
    assert_eq!(then.stages["active"], 1);
    assert_eq!(then.stages["potential"], 4);
    assert_eq!(then.stages.values().sum::<u32>(), 6, "every customer is in exactly one stage");
}

#[test]
fn stage_counts_on_an_earlier_day_count_a_merged_identitys_purchases() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with(dir.path());
    let id = |s: &Store, buyer: &str| -> i64 {
        s.conn.query_row("SELECT id FROM customers WHERE buyer_id = ?1", [buyer], |r| r.get(0)).unwrap()
    };
    // f bought on 1 Jan, e on 1 Nov. Merged into e, f's purchase makes e a buyer since January.
    let (e, f) = (id(&store, "e_new"), id(&store, "f_churned"));
    store.merge_customers(e, &[f], laoke_core::time::from_stored("2026-11-22T02:00:00Z").unwrap()).unwrap();
    let then = store.stage_counts(NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()).unwrap();
    assert_eq!(then.stages["active"], 1, "e, through f's January purchase");
    assert_eq!(then.stages["new"], 1, "d");
    assert_eq!(then.stages.values().sum::<u32>(), 5, "the merged identity is not a customer of its own");
    // Today the as-of count agrees with the stored stages of the merged archive.
    store.recompute(today()).unwrap();
    let stored: u32 = store
        .conn
        .query_row(
            "SELECT count(*) FROM customer_scores s JOIN customers c ON c.id = s.customer_id
        WHERE c.merged_into IS NULL AND s.stage = 'active'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(store.stage_counts(today()).unwrap().stages["active"], stored);
}

#[test]
fn a_threshold_preview_shows_the_moves_and_saving_records_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with(dir.path());
    store.recompute(today()).unwrap();
    let shorter = StageThresholds { active_days: 60, ..StageThresholds::default() };
    let preview = store.preview_thresholds(shorter, today()).unwrap();
    assert_eq!(preview.current["active"], 1);
    assert_eq!(preview.proposed["active"], 0);
    assert_eq!(preview.proposed["sleeping"], 2);
    assert_eq!(preview.moves, vec![StageMove { from: "active".into(), to: "sleeping".into(), customers: 1 }]);
    assert_eq!(store.stage_thresholds().unwrap(), StageThresholds::default(), "a preview saves nothing");

    let report = store.set_stage_thresholds(shorter, today()).unwrap();
    assert_eq!(report.stage_changes, 1);
    assert_eq!(stage(&store, "a_active_edge"), "sleeping");
    let id: i64 =
        store.conn.query_row("SELECT id FROM customers WHERE buyer_id = 'a_active_edge'", [], |r| r.get(0)).unwrap();
    let history = store.stage_history(id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].0.as_deref(), Some("active"));
    assert_eq!(history[1].1, "sleeping");
    // Sleeping since the day after 60 days ran out: 24 Aug + 61 days.
    assert_eq!(history[1].2, "2026-10-24");

    let bad = StageThresholds { churn_days: 10, ..StageThresholds::default() };
    assert!(matches!(
        store.preview_thresholds(bad, today()),
        Err(crate::StoreError::Thresholds(laoke_core::lifecycle::ThresholdError::ChurnNotAfterActive))
    ));
}

#[test]
fn rfm_scores_and_pareto_cover_the_buyers() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with(dir.path());
    let report = store.recompute(today()).unwrap();
    assert_eq!(report.rfm.values().sum::<u32>(), 5, "five buyers, the potential customer has no RFM");
    let summary = store.rfm_summary().unwrap();
    assert_eq!(summary.pareto.buyers, 5);
    // d brought 300 of 700: the top 20 % (one buyer) bring 3/7.
    assert_eq!(summary.pareto.top20_share, (Decimal::from(300) / Decimal::from(700)).round_dp(4));
}

#[test]
fn tags_and_stages_survive_a_re_import() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with(dir.path());
    store.recompute(today()).unwrap();
    let id: i64 =
        store.conn.query_row("SELECT id FROM customers WHERE buyer_id = 'd_loyal'", [], |r| r.get(0)).unwrap();
    store.tag_customer(id, "老客", laoke_core::time::from_stored("2026-11-22T02:00:00Z").unwrap()).unwrap();
    store.add_note(id, "喜欢明前龙井", laoke_core::time::from_stored("2026-11-22T02:00:00Z").unwrap()).unwrap();
    drop(store);
    let mut store = store_with(dir.path());
    assert!(store.refresh(today()).unwrap().is_some(), "an import makes the scores stale");
    assert_eq!(stage(&store, "d_loyal"), "loyal");
    let snap = store.roster().unwrap();
    let q = laoke_core::dto::CustomerQuery { search: Some("明前".into()), ..Default::default() };
    let page = store.customer_page_in(&snap, &q, today()).unwrap();
    assert_eq!(page.total, 1, "note text is searchable");
    assert_eq!(page.customers[0].tags, ["老客"]);
    assert_eq!(page.customers[0].stage.as_deref(), Some("loyal"));
}

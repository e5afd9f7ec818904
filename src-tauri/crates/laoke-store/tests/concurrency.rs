//! The app's three writers at once never surface "database is locked": an
//! import of several files, the care scheduler's rounds (recompute, plan a month,
//! count what is due) and the seller's edits (profile, tags, notes, list pages),
//! each on its own connection as the app opens them. Every call must succeed;
//! a deferred transaction that reads first and then writes fails at once with
//! SQLITE_BUSY when another writer got in between, whatever the busy timeout,
//! which is the bug this test exists to catch.

use chrono::{Duration, TimeZone, Utc};
use laoke_core::dto::{CareRule, CustomerQuery, DemoRequest, ProfileEdit};
use laoke_core::import::ImportOptions;
use laoke_store::{ImportFlags, Store, StoreError};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

const HEADER: &str =
    "订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,退款金额\n";

/// A Taobao order report of `n` orders from new buyers, numbered after `file`.
fn orders_file(dir: &Path, file: usize, n: usize) -> PathBuf {
    let mut text = String::from(HEADER);
    for i in 0..n {
        let day = 1 + i % 28;
        text.push_str(&format!(
            "9{file:02}{i:06},并发买家{file}_{i},{}.00,交易成功,2026-10-{day:02} 10:00:00,2026-10-{day:02} 10:05:00,明前龙井,1,0\n",
            50 + i % 200
        ));
    }
    let path = dir.join(format!("orders-{file}.csv"));
    std::fs::write(&path, text).unwrap();
    path
}

fn record(errors: &Mutex<Vec<String>>, who: &str, result: Result<(), StoreError>) {
    if let Err(e) = result {
        errors.lock().unwrap().push(format!("{who}: {e}"));
    }
}

#[test]
fn an_import_the_scheduler_and_edits_at_once_never_meet_a_locked_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    {
        let mut store = Store::open(&db).unwrap();
        store.fill_demo(DemoRequest { customers: 1_500, seed: 9 }, now, |_| true).unwrap();
        let rule: CareRule = laoke_core::care::parse(
            r#"{"name": "生日祝福", "trigger": {"kind": "birthday"}, "channel": "wangwang", "send_at": "10:00",
                "template": "{nick}，生日快乐！"}"#,
        )
        .unwrap();
        store.add_care_rule(&rule, now).unwrap();
    }
    let errors = Arc::new(Mutex::new(Vec::new()));
    let importing = Arc::new(AtomicBool::new(true));
    let rounds = Arc::new(Mutex::new((0u32, 0u32)));

    // Files keep coming until the other two have each gone round a few times (at most 60).
    let import = {
        let (db, errors, importing, rounds) = (db.clone(), errors.clone(), importing.clone(), rounds.clone());
        let folder = dir.path().to_path_buf();
        std::thread::spawn(move || {
            let mut imported = 0usize;
            while imported < 4
                || (imported < 60 && {
                    let r = *rounds.lock().unwrap();
                    r.0 < 3 || r.1 < 3
                })
            {
                let file = orders_file(&folder, imported, 1_500);
                let result = Store::open(&db).and_then(|mut s| {
                    s.import_file(&file, &ImportOptions::default(), &ImportFlags::default(), now, |_| true).map(|_| ())
                });
                record(&errors, "import", result);
                imported += 1;
                // Between two files the import waits (at most 2 s) until the scheduler or the
                // seller has finished a call, as their calls get in between an import's files
                // in the app. Back to back, the import takes the write lock again the moment it
                // lets go, and 60 files can pass while the others wait their turn: the test then
                // proves nothing about them running together.
                let seen = *rounds.lock().unwrap();
                let waited = std::time::Instant::now();
                while *rounds.lock().unwrap() == seen && waited.elapsed() < std::time::Duration::from_secs(2) {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
            }
            importing.store(false, Ordering::SeqCst);
            imported
        })
    };
    let scheduler = {
        let (db, errors, importing, rounds) = (db.clone(), errors.clone(), importing.clone(), rounds.clone());
        std::thread::spawn(move || {
            while importing.load(Ordering::SeqCst) {
                let result = Store::open(&db).and_then(|mut s| {
                    s.plan_care_in(None, today - Duration::days(1), today + Duration::days(30), now)?;
                    s.care_due(now).map(|_| ())
                });
                record(&errors, "scheduler", result);
                rounds.lock().unwrap().0 += 1;
            }
        })
    };
    let seller = {
        let (db, errors, importing, rounds) = (db.clone(), errors.clone(), importing.clone(), rounds.clone());
        std::thread::spawn(move || {
            let mut n = 0i64;
            while importing.load(Ordering::SeqCst) {
                n += 1;
                let id = 1 + n % 1_000;
                let result = Store::open(&db).and_then(|mut s| {
                    let edit = ProfileEdit {
                        name: Some(format!("客人{n}")),
                        phone: None,
                        email: None,
                        wechat: None,
                        province: None,
                        city: None,
                        address: None,
                        birthday: Some("1990-12-05".into()),
                        birthday_lunar: false,
                        gender: None,
                        hobbies: None,
                        dnd: false,
                    };
                    s.update_profile(id, &edit, now)?;
                    s.tag_customer(id, "常客", now)?;
                    s.add_note(id, "刚打过电话", now)?;
                    s.refresh(today)?;
                    s.customer_page(&CustomerQuery::default(), today).map(|_| ())
                });
                record(&errors, "seller", result);
                rounds.lock().unwrap().1 += 1;
            }
        })
    };
    let imported = import.join().unwrap();
    for t in [scheduler, seller] {
        t.join().unwrap();
    }
    let errors = errors.lock().unwrap();
    assert!(errors.is_empty(), "{} calls failed, first: {:?}", errors.len(), errors.first());
    let (planned, edited) = *rounds.lock().unwrap();
    assert!(planned >= 2 && edited >= 2, "the three ran together ({planned} scheduler rounds, {edited} edits)");
    let store = Store::open(&db).unwrap();
    assert_eq!(store.info().unwrap().counts.customers as usize, 1_500 + imported * 1_500, "every import landed");
}

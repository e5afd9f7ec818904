//! Profiles over a real import: derived facts, edits that survive re-imports,
//! validation, bulk changes and the CSV export.

use super::*;
use crate::ImportFlags;
use chrono::{TimeZone, Utc};
use laoke_core::dto::{BulkAction, BulkTarget, CustomerQuery};
use laoke_core::import::ImportOptions;
use laoke_core::ErrorCode;
use serde_json::json;

const HEADER: &str =
    "订单编号,买家会员名,买家实际支付金额,订单状态,收货人姓名,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量\n";
const ROWS: &str = "1,tb_小鱼儿,100.00,交易成功,王芳,13812345678,2026-09-01 10:00:00,2026-09-01 10:00:00,龙井,2
2,tb_小鱼儿,50.00,交易成功,王芳,13812345678,2026-09-11 10:00:00,2026-09-11 10:00:00,白茶,1
3,tb_小鱼儿,80.00,交易成功,王芳,13812345678,2026-10-01 10:00:00,2026-10-01 10:00:00,龙井,1
4,=cmd|' /C calc'!A0,30.00,交易成功,李军,,2026-10-06 20:00:00,2026-10-06 20:00:00,花茶,1
";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn store(dir: &std::path::Path) -> Store {
    let path = dir.join("orders.csv");
    std::fs::write(&path, format!("{HEADER}{ROWS}")).unwrap();
    let mut store = Store::open(dir.join("shop.db")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
    store.import_file(&path, &ImportOptions::default(), &ImportFlags::default(), now, |_| true).unwrap();
    store.recompute(today()).unwrap();
    store
}

fn id_of(store: &Store, buyer: &str) -> i64 {
    store.conn.query_row("SELECT id FROM customers WHERE buyer_id = ?1", [buyer], |r| r.get(0)).unwrap()
}

#[test]
fn a_profile_derives_its_facts_from_the_orders() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let p = store.customer_profile(id_of(&store, "tb_小鱼儿"), today()).unwrap();
    assert_eq!(p.nick, "tb_小鱼儿");
    assert_eq!(p.contact.name.as_deref(), Some("王芳"));
    assert_eq!(p.facts.purchases, 3);
    assert_eq!(p.facts.value, Decimal::from(230));
    assert_eq!(p.facts.aov, Some(Decimal::new(7667, 2)));
    assert_eq!(p.facts.days_between_purchases, Some(Decimal::from(15)), "1 Sep → 11 Sep → 1 Oct");
    assert_eq!(p.items[0].title, "龙井");
    assert_eq!((p.items[0].quantity, p.items[0].orders), (3, 2));
    assert_eq!(p.orders.len(), 3);
    assert!(p.orders.windows(2).all(|w| w[0].created_at >= w[1].created_at), "newest first");
    assert_eq!(p.stage.as_deref(), Some("loyal"));
    assert!(p.rfm_cell.as_deref().is_some_and(|c| c.starts_with('R')));
    assert_eq!(p.stage_history.len(), 1);
    assert!(matches!(store.customer_profile(999_999, today()), Err(StoreError::CustomerNotFound { id: 999_999 })));
}

#[test]
fn edits_survive_a_re_import_even_when_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let id = id_of(&s, "tb_小鱼儿");
    let mut edit = s.customer_profile(id, today()).unwrap().contact;
    edit.name = Some("王芳芳".into());
    edit.phone = None; // the seller removed a number the buyer asked not to be called on
    edit.birthday = Some("1990-08-15".into());
    edit.birthday_lunar = true;
    edit.hobbies = Some("明前龙井, 紫砂".into());
    s.update_profile(id, &edit, laoke_core::time::from_stored("2026-11-22T03:00:00Z").unwrap()).unwrap();
    drop(s);
    let s = store(dir.path());
    let p = s.customer_profile(id, today()).unwrap();
    assert_eq!(p.contact.name.as_deref(), Some("王芳芳"));
    assert_eq!(p.contact.phone, None, "a cleared field stays cleared");
    assert_eq!(p.contact.hobbies.as_deref(), Some("明前龙井, 紫砂"));
    // Lunar 8/15 of 2027 (the 2026 one, 25 Sep, has passed).
    assert_eq!(p.next_birthday.as_deref(), Some("2027-09-15"));
}

#[test]
fn bad_edits_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let id = id_of(&s, "tb_小鱼儿");
    let before = s.customer_profile(id, today()).unwrap().contact;
    for (code, params, edit) in [
        (
            "profile.birthday_invalid",
            json!({"value": "1990-02-30"}),
            ProfileEdit { birthday: Some("1990-02-30".into()), ..before.clone() },
        ),
        (
            "profile.email_invalid",
            json!({"value": "not an address"}),
            ProfileEdit { email: Some("not an address".into()), ..before.clone() },
        ),
        ("profile.gender_invalid", json!({"value": "x"}), ProfileEdit { gender: Some("x".into()), ..before.clone() }),
        (
            "profile.too_long",
            json!({"field": "name", "max": 100}),
            ProfileEdit { name: Some("长".repeat(101)), ..before.clone() },
        ),
    ] {
        let err = s.update_profile(id, &edit, chrono::DateTime::UNIX_EPOCH).unwrap_err();
        assert_eq!((err.code(), err.details()), (code, params), "{err:?}");
        assert_eq!(s.customer_profile(id, today()).unwrap().contact, before);
    }
    // A lunar 30th of the second month is a real lunar date.
    let lunar = ProfileEdit { birthday: Some("1990-02-30".into()), birthday_lunar: true, ..before.clone() };
    s.update_profile(id, &lunar, chrono::DateTime::UNIX_EPOCH).unwrap();
}

#[test]
fn bulk_changes_and_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let snap = s.roster().unwrap();
    let all = s.target_ids(&snap, &BulkTarget { ids: None, query: Some(CustomerQuery::default()) }, today()).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(s.bulk(&BulkAction::Tag("双11".into()), &all, chrono::DateTime::UNIX_EPOCH).unwrap(), 2);
    assert_eq!(
        s.bulk(&BulkAction::Tag("双11".into()), &all, chrono::DateTime::UNIX_EPOCH).unwrap(),
        0,
        "tagging twice changes nothing"
    );
    assert_eq!(s.bulk(&BulkAction::DndOn, &all[..1], chrono::DateTime::UNIX_EPOCH).unwrap(), 1);
    assert_eq!(s.bulk(&BulkAction::Untag("双11".into()), &all[1..], chrono::DateTime::UNIX_EPOCH).unwrap(), 1);
    assert!(s.bulk(&BulkAction::Tag("  ".into()), &all, chrono::DateTime::UNIX_EPOCH).is_err());

    let out = dir.path().join("customers.csv");
    let req = laoke_core::dto::ExportRequest {
        kind: laoke_core::dto::ExportKind::Customers,
        format: laoke_core::dto::ExportFormat::Csv,
        query: Default::default(),
        ids: Some(all.clone()),
        privacy: false,
        language: Some("en-US".into()),
        path: out.display().to_string(),
    };
    assert_eq!(s.export(&req, chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap().rows, 2);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("\u{feff}Customer ID,Platform,Buyer ID,Nick,"));
    assert!(text.contains("tb_小鱼儿"));
    assert!(text.contains(",'=cmd|' /C calc'!A0,"), "a formula-like nick is exported as text: {text}");
    assert!(!text.contains(",=cmd"));
}

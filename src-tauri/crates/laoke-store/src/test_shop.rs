//! What the store's tests share: a small Taobao shop imported from rows of the
//! order report's columns, local times in Asia/Shanghai (the default zone), a
//! demo shop in a file, and a digest of an archive's content to compare two by.

use crate::{ImportFlags, Store};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use laoke_core::import::ImportOptions;

/// The Taobao order report's columns the tests fill, in this order.
pub(crate) const TAOBAO_HEADER: &str =
    "订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,退款金额\n";

/// Shanghai wall-clock time `y-m-d h:00`.
pub(crate) fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    chrono_tz::Asia::Shanghai.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap().with_timezone(&Utc)
}

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// An archive in `dir` holding `rows` (Taobao report lines), imported at `now`.
pub(crate) fn taobao_shop(dir: &std::path::Path, rows: &[&str], now: DateTime<Utc>) -> Store {
    let mut s = Store::open(dir.join("a.db")).unwrap();
    let path = dir.join("orders.csv");
    std::fs::write(&path, format!("{TAOBAO_HEADER}{}\n", rows.join("\n"))).unwrap();
    s.import_file(&path, &ImportOptions::default(), &ImportFlags::default(), now, |_| true).unwrap();
    s
}

/// The demo shop's history end, 2026-11-22 02:00 UTC.
pub(crate) fn demo_end() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap()
}

/// A demo shop of `customers` (seed `seed`) in the archive file at `path`.
pub(crate) fn demo_shop(path: &std::path::Path, customers: u32, seed: u64) -> Store {
    let mut store = Store::open(path).unwrap();
    store.fill_demo(laoke_core::dto::DemoRequest { customers, seed }, demo_end(), |_| true).unwrap();
    store
}

/// Every row of the tables a seller would miss, as text: equal digests, equal archives.
pub(crate) fn digest(store: &Store) -> String {
    let mut out = String::new();
    for sql in [
        "SELECT id, platform, buyer_id, nick, phone, email, value FROM customers ORDER BY id",
        "SELECT id, order_no, customer_id, status, amount_paid FROM orders ORDER BY id",
        "SELECT customer_id, tag_id FROM customer_tags ORDER BY 1, 2",
    ] {
        let mut stmt = store.conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            for i in 0..n {
                out.push_str(&format!("{:?}|", r.get_ref(i).unwrap()));
            }
            out.push('\n');
        }
    }
    out
}

//! What the store's tests share: a small Taobao shop imported from rows of the
//! order report's columns, and local times in Asia/Shanghai (the default zone).

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

//! Import into a real archive: idempotence, overlapping exports, dry runs,
//! strictness, cancellation, and customer totals.

use super::*;
use chrono::TimeZone;
use laoke_core::ErrorCode;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap()
}

const HEADER: &str = "订单编号,买家会员名,买家实际支付金额,订单状态,收货人姓名,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,退款金额\n";

fn gbk_file(dir: &Path, name: &str, rows: &[&str]) -> std::path::PathBuf {
    let text = format!("{HEADER}{}\n", rows.join("\n"));
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const A1: &str = "=\"9001\",tb_小鱼儿,100.00,买家已付款，等待卖家发货,王芳,'13812345678,2026-10-01 10:00:00,2026-10-01 10:01:00,龙井,1,无退款申请";
const A2: &str =
    "=\"9002\",tb_小鱼儿,50.00,卖家已发货，等待买家确认,王芳,,2026-10-05 10:00:00,2026-10-05 10:01:00,白茶,1,0";
const B1: &str = "=\"9003\",jd_老茶客,30.00,等待买家付款,李军,138****0000,2026-10-06 20:00:00,,花茶,1,0";
const BAD: &str = "=\"9004\",tb_y,oops,交易成功,李军,,2026-10-06 20:00:00,,花茶,1,0";

fn import(store: &mut Store, path: &Path, flags: &ImportFlags) -> Result<FileReport> {
    store.import_file(path, &ImportOptions::default(), flags, now(), |_| true)
}

fn value_of(store: &Store, buyer: &str) -> (u32, String) {
    store
        .conn
        .query_row("SELECT purchases, value FROM customers WHERE buyer_id = ?1", [buyer], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
}

#[test]
fn importing_twice_changes_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let file = gbk_file(dir.path(), "ExportOrderList.csv", &[A1, A2, B1, BAD]);
    let mut store = Store::open_in_memory().unwrap();
    let first = import(&mut store, &file, &ImportFlags::default()).unwrap();
    assert_eq!(first.encoding.as_str(), "gb18030");
    assert_eq!((first.rows, first.orders_new, first.customers_new, first.items), (4, 3, 2, 3));
    assert_eq!(first.rejected.len(), 1);
    assert_eq!(first.rejected[0].row, 5);
    assert_eq!(value_of(&store, "tb_小鱼儿"), (2, "150.00".into()));
    assert_eq!(value_of(&store, "jd_老茶客"), (0, "0".into()), "an unpaid order makes a potential customer");

    let before = store.info().unwrap().counts;
    let second = import(&mut store, &file, &ImportFlags::default()).unwrap();
    assert_eq!((second.orders_new, second.orders_updated, second.orders_unchanged, second.customers_new), (0, 0, 3, 0));
    let after = store.info().unwrap().counts;
    assert_eq!(
        (before.orders, before.customers, before.order_items),
        (after.orders, after.customers, after.order_items)
    );
    assert_eq!(after.import_batches, 2, "each import is recorded");
    let phone: Option<String> =
        store.conn.query_row("SELECT phone FROM customers WHERE buyer_id = 'jd_老茶客'", [], |r| r.get(0)).unwrap();
    assert_eq!(phone, None, "a masked phone is never stored");
}

#[test]
fn a_later_export_updates_status_and_refunds() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, &gbk_file(dir.path(), "1.csv", &[A1, A2, B1]), &ImportFlags::default()).unwrap();
    let a1_done = A1.replace("买家已付款，等待卖家发货", "交易成功");
    let a2_refunded = A2.replace("卖家已发货，等待买家确认", "交易关闭").replace(",1,0", ",1,50.00");
    let new = "=\"9005\",jd_老茶客,88.00,交易成功,李军,,2026-10-20 20:00:00,2026-10-20 20:00:30,红茶,2,0";
    let report =
        import(&mut store, &gbk_file(dir.path(), "2.csv", &[&a1_done, &a2_refunded, B1, new]), &ImportFlags::default())
            .unwrap();
    assert_eq!((report.orders_new, report.orders_updated, report.orders_unchanged), (1, 2, 1));
    assert_eq!(value_of(&store, "tb_小鱼儿"), (1, "100.00".into()), "the refunded order no longer counts");
    assert_eq!(value_of(&store, "jd_老茶客"), (1, "88.00".into()));
    let stats =
        store.dashboard(&Default::default(), chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(), None).unwrap().stats;
    assert_eq!((stats.orders, stats.purchases, stats.revenue.to_string()), (4, 2, "188.00".into()));
}

#[test]
fn dry_run_and_strict_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = gbk_file(dir.path(), "x.csv", &[A1, A2, BAD]);
    let mut store = Store::open_in_memory().unwrap();
    let dry = import(&mut store, &file, &ImportFlags { dry_run: true, ..Default::default() }).unwrap();
    assert_eq!((dry.orders_new, dry.dry_run, dry.batch_id), (2, true, None));
    assert_eq!(store.info().unwrap().counts, Default::default());

    let err = import(&mut store, &file, &ImportFlags { strict: true, ..Default::default() }).unwrap_err();
    assert_eq!(err.code(), "import.strict");
    assert_eq!(store.info().unwrap().counts, Default::default());
}

#[test]
fn a_cancelled_or_unreadable_import_leaves_the_archive_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let rows: Vec<String> = (0..5_000)
        .map(|i| {
            format!(
                "=\"{}\",buyer{},10.00,交易成功,王芳,,2026-10-01 10:00:00,2026-10-01 10:01:00,龙井,1,0",
                100_000 + i,
                i % 700
            )
        })
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    let file = gbk_file(dir.path(), "big.csv", &refs);
    let mut store = Store::open_in_memory().unwrap();
    let mut calls = 0;
    let err = store
        .import_file(&file, &ImportOptions::default(), &ImportFlags::default(), now(), |p| {
            calls += 1;
            assert!(p.bytes_done <= p.bytes_total);
            false
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::Cancelled));
    assert_eq!(calls, 1);
    assert_eq!(store.info().unwrap().counts, Default::default());

    let png = dir.path().join("photo.csv");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n....").unwrap();
    assert_eq!(import(&mut store, &png, &ImportFlags::default()).unwrap_err().code(), "import.binary");
    let missing = dir.path().join("nope.csv");
    assert_eq!(import(&mut store, &missing, &ImportFlags::default()).unwrap_err().code(), "import.io");
    assert_eq!(store.info().unwrap().counts, Default::default());
}

#[test]
fn a_workbook_reports_progress_through_its_rows_not_its_bytes() {
    // A workbook is read whole before its first row, so the bytes read say 100% at once;
    // its progress is how far through the sheet the rows are.
    let dir = tempfile::tempdir().unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let header = ["订单编号", "买家会员名", "买家实际支付金额", "订单状态", "订单创建时间", "宝贝标题"];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for i in 1..=10_000u32 {
        sheet.write_string(i, 0, (500_000 + i).to_string()).unwrap();
        sheet.write_string(i, 1, format!("buyer{}", i % 900)).unwrap();
        sheet.write_string(i, 2, "10.00").unwrap();
        sheet.write_string(i, 3, "交易成功").unwrap();
        sheet.write_string(i, 4, "2026-10-01 10:00:00").unwrap();
        sheet.write_string(i, 5, "龙井").unwrap();
    }
    let path = dir.path().join("orders.xlsx");
    book.save(&path).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let mut seen = Vec::new();
    let report = store
        .import_file(&path, &ImportOptions::default(), &ImportFlags::default(), now(), |p| {
            seen.push((p.bytes_done, p.bytes_total));
            true
        })
        .unwrap();
    assert_eq!((report.orders_new, report.rejected.len()), (10_000, 0));
    let total = seen[0].1;
    assert!(seen.len() >= 5, "{seen:?}");
    // The reading thread is at most a few hundred orders ahead of the writer's first report.
    assert!(seen[0].0 < total / 2, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "{seen:?}");
    assert_eq!(seen.last(), Some(&(total, total)));
}

/// A file over the bulk threshold: indexes deferred and foreign keys unchecked
/// while it streams. What lands must still be whole: every reference resolves,
/// the indexes are back, the checks are on again, and the totals are exact.
fn bulk_load(exclusive: bool) {
    let dir = tempfile::tempdir().unwrap();
    // 26,000 orders of ~700 bytes: over 16 MiB, into an archive with two orders.
    let pad = "备注".repeat(150);
    let rows: Vec<String> = (0..26_000)
        .map(|i| {
            format!(
                "=\"{}\",bulk{},{}.00,交易成功,王芳{pad},,2026-10-01 10:00:00,2026-10-01 10:01:00,龙井,1,0",
                500_000 + i,
                i % 6_500,
                i % 7 + 1
            )
        })
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    let file = gbk_file(dir.path(), "bulk.csv", &refs);
    assert!(std::fs::metadata(&file).unwrap().len() > BULK_BYTES);
    let mut store = Store::open(dir.path().join("shop.db")).unwrap();
    let small = gbk_file(dir.path(), "small.csv", &[A1, A2]);
    import(&mut store, &small, &ImportFlags::default()).unwrap();
    let indexes = |s: &Store| -> Vec<String> {
        let mut stmt = s.conn.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' ORDER BY name").unwrap();
        stmt.query_map([], |r| r.get::<_, Option<String>>(0)).unwrap().map(|r| r.unwrap().unwrap_or_default()).collect()
    };
    let before = indexes(&store);

    // Cancelled half-way: nothing changes, and the checks are back on.
    let mut calls = 0;
    let err = store
        .import_file(&file, &ImportOptions::default(), &ImportFlags { exclusive, ..Default::default() }, now(), |_| {
            calls += 1;
            calls < 5
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::Cancelled));
    assert_eq!(store.info().unwrap().counts.orders, 2);

    let report = import(&mut store, &file, &ImportFlags { exclusive, ..Default::default() }).unwrap();
    assert_eq!((report.orders_new, report.customers_new), (26_000, 6_500));
    let fk: i64 = store.conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1, "foreign keys are enforced again");
    let mode: String = store.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal", "back to the WAL");
    let ok: String = store.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let dangling: i64 =
        store.conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(dangling, 0, "every reference written during the load resolves");
    assert_eq!(indexes(&store), before, "the deferred indexes are back");
    // bulk0 bought orders 0, 6500, 13000 and 19500, each worth i % 7 + 1: 1 + 5 + 2 + 6.
    assert_eq!(value_of(&store, "bulk0"), (4, "14.00".to_owned()));
    let revenue: f64 =
        store.conn.query_row("SELECT sum(CAST(value AS REAL)) FROM customers", [], |r| r.get(0)).unwrap();
    assert_eq!(revenue, 150.0 + (0..26_000).map(|i| f64::from(i % 7 + 1)).sum::<f64>());
    // A second import of the same file is not a bulk load any more, and changes nothing.
    let again = import(&mut store, &file, &ImportFlags::default()).unwrap();
    assert_eq!((again.orders_new, again.orders_unchanged), (0, 26_000));
}

#[test]
fn a_bulk_load_leaves_a_consistent_archive() {
    bulk_load(false);
}

/// The `laoke` command's bulk load runs on the rollback journal: cancelled, it
/// changes nothing; finished, the archive is whole and back on the WAL.
#[test]
fn an_exclusive_bulk_load_leaves_a_consistent_archive() {
    bulk_load(true);
}

/// A fixture of tests/fixtures/import.
fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/import").join(name)
}

fn shop_id(store: &Store, name: &str) -> i64 {
    store.shops_named(name).unwrap()[0]
}

#[test]
fn cash_on_delivery_counts_as_the_shop_says_and_a_change_recounts_it() {
    let mut store = Store::open_in_memory().unwrap();
    let into = |shop: &str| ImportFlags { shop: Some(shop.into()), ..Default::default() };
    let report = import(&mut store, &fixture("shopify_store_outlet.csv"), &into("Outlet")).unwrap();
    assert_eq!((report.orders_new, report.cod_counted), (6, 2));
    let outlet = shop_id(&store, "Outlet");
    let figures = |store: &Store| {
        let s = store
            .dashboard(
                &laoke_core::dto::DashboardQuery { shops: Some(vec![outlet]), ..Default::default() },
                chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
                None,
            )
            .unwrap()
            .stats;
        (s.purchases, s.buyers, s.revenue.to_string())
    };
    // #1001 (fulfilled) and #1003 (partly fulfilled) are COD, still pending; #1004 was marked paid.
    assert_eq!(figures(&store), (3, 2, "45.00".into()));
    assert_eq!(value_of(&store, "hal.outlet@example.com"), (2, "27.00".into()));

    let change = |count_cod| laoke_core::dto::ShopUpdate { name: None, count_cod: Some(count_cod) };
    let shop = store.update_shop(outlet, &change(false), now()).unwrap();
    assert!(!shop.count_cod);
    assert_eq!(figures(&store), (1, 1, "18.00".into()), "only the order marked paid counts");
    assert_eq!(value_of(&store, "hal.outlet@example.com"), (0, "0".into()));
    store.update_shop(outlet, &change(true), now()).unwrap();
    assert_eq!(figures(&store), (3, 2, "45.00".into()));
    assert_eq!(value_of(&store, "hal.outlet@example.com"), (2, "27.00".into()));

    // A shop that does not count COD from its first import on.
    let other = crate::shops::ensure(&store.conn, laoke_core::Platform::Shopify, "Outlet 2", "t").unwrap();
    store.update_shop(other.id, &change(false), now()).unwrap();
    let report = import(&mut store, &fixture("shopify_store_outlet.csv"), &into("Outlet 2")).unwrap();
    assert_eq!((report.orders_new, report.cod_counted), (6, 0));
    let s = store
        .dashboard(
            &laoke_core::dto::DashboardQuery { shops: Some(vec![other.id]), ..Default::default() },
            chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
            None,
        )
        .unwrap()
        .stats;
    assert_eq!((s.purchases, s.revenue.to_string()), (1, "18.00".into()));
    // The customers are the same people: their values count both shops' orders as each shop says.
    assert_eq!(value_of(&store, "hal.outlet@example.com"), (2, "27.00".into()));
}

#[test]
fn a_shop_name_is_checked_and_not_taken_twice_on_a_platform() {
    let mut store = Store::open_in_memory().unwrap();
    let into = |shop: &str| ImportFlags { shop: Some(shop.into()), ..Default::default() };
    assert_eq!(
        import(&mut store, &fixture("shopify_store_north.csv"), &into("  ")).unwrap_err().code(),
        "shop.name_empty"
    );
    assert_eq!(store.info().unwrap().counts, Default::default(), "a refused shop name changes nothing");
    import(&mut store, &fixture("shopify_store_north.csv"), &into("North")).unwrap();
    import(&mut store, &fixture("shopify_store_south.csv"), &into("South")).unwrap();
    let rename = |name: &str| laoke_core::dto::ShopUpdate { name: Some(name.into()), count_cod: None };
    let north = shop_id(&store, "North");
    assert_eq!(store.update_shop(north, &rename("South"), now()).unwrap_err().code(), "shop.name_taken");
    assert_eq!(store.update_shop(north, &rename(&"x".repeat(101)), now()).unwrap_err().code(), "shop.name_too_long");
    let renamed = store.update_shop(north, &rename(" Northside "), now()).unwrap();
    assert_eq!((renamed.name.as_str(), renamed.orders, renamed.customers), ("Northside", 5, 4));
    // The new name is the one to import into; the old one would be a new shop.
    let again = import(&mut store, &fixture("shopify_store_north.csv"), &into("Northside")).unwrap();
    assert_eq!((again.orders_unchanged, again.shops.clone()), (5, vec!["Northside".to_owned()]));
    assert_eq!(store.shops_named("North").unwrap_err().code(), "shop.not_found");
}

#[test]
fn customers_show_the_shops_they_bought_in_and_filter_by_shop() {
    let mut store = Store::open_in_memory().unwrap();
    let into = |shop: &str| ImportFlags { shop: Some(shop.into()), ..Default::default() };
    import(&mut store, &fixture("shopify_store_north.csv"), &into("North")).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let page = |store: &Store, filter: Option<&str>| {
        let q = laoke_core::dto::CustomerQuery {
            filter: filter.map(|f| serde_json::from_str(f).unwrap()),
            sort: laoke_core::segment::SortField::Id,
            desc: false,
            ..Default::default()
        };
        store.customer_page(&q, today).unwrap()
    };
    // One shop per platform: each customer's shop is their platform's.
    let cora =
        |p: &laoke_core::dto::CustomerPage| p.customers.iter().find(|c| c.buyer_id == "cora.both@example.com").cloned();
    assert_eq!(cora(&page(&store, None)).unwrap().shops, ["North"]);
    import(&mut store, &fixture("shopify_store_south.csv"), &into("South")).unwrap();
    let all = page(&store, None);
    assert_eq!(all.total, 7, "cora is one customer who bought in both stores");
    assert_eq!(cora(&all).unwrap().shops, ["North", "South"]);
    let south = page(&store, Some(r#"{"rules":[{"field":"shop","op":"eq","values":["South"]}]}"#));
    assert_eq!(south.total, 4);
    assert!(south.customers.iter().all(|c| c.shops.contains(&"South".to_owned())));
    let only_north = page(&store, Some(r#"{"rules":[{"field":"shop","op":"not_in","values":["South"]}]}"#));
    assert_eq!(only_north.total, 3);
    let profile = store.customer_profile(cora(&all).unwrap().id, today).unwrap();
    assert_eq!(profile.shops, ["South", "North"], "most recent order's shop first");
    assert_eq!(profile.orders.iter().map(|o| o.shop.as_str()).collect::<Vec<_>>(), ["South", "North"]);
    // A segment on the shop counts the same customers.
    let count = store
        .count_in(
            &store.roster().unwrap(),
            &serde_json::from_str(r#"{"rules":[{"field":"shop","op":"in","values":["North"]}]}"#).unwrap(),
            today,
        )
        .unwrap();
    assert_eq!(count.customers, 4);
}

/// A customer others were merged into carries their shops in the roster,
/// both where the platform has one shop and where it has several.
#[test]
fn a_merged_customer_carries_the_shops_of_those_merged_into_them() {
    let mut store = Store::open_in_memory().unwrap();
    let into = |shop: &str| ImportFlags { shop: Some(shop.into()), ..Default::default() };
    import(&mut store, &fixture("shopify_store_north.csv"), &into("North")).unwrap();
    import(&mut store, &fixture("shopify_store_south.csv"), &into("South")).unwrap();
    import(&mut store, &fixture("taobao_overlap_3.csv"), &into("茶铺")).unwrap();
    let snap = store.roster().unwrap();
    let by_buyer = |snap: &crate::roster::RosterSnapshot, buyer: &str| {
        snap.roster.facts().iter().find(|c| &*c.buyer_id == buyer).cloned()
    };
    let taobao = snap.roster.facts().iter().find(|c| c.platform == Some(laoke_core::Platform::Taobao)).unwrap().clone();
    let (north, south, tea) =
        (shop_id(&store, "North") as u32, shop_id(&store, "South") as u32, shop_id(&store, "茶铺") as u32);
    assert_eq!(&*taobao.shops, [tea], "the only shop of its platform");
    let cora = by_buyer(&snap, "cora.both@example.com").unwrap();
    assert_eq!(&*cora.shops, [north, south]);
    store
        .merge_customers(cora.id, &[taobao.id], laoke_core::time::from_stored("2026-11-22T00:00:00Z").unwrap())
        .unwrap();
    let snap = store.roster().unwrap();
    let cora = by_buyer(&snap, "cora.both@example.com").unwrap();
    let mut expected = vec![north, south, tea];
    expected.sort_unstable();
    assert_eq!(&*cora.shops, expected.as_slice());
    assert!(snap.roster.facts().iter().all(|c| c.id != taobao.id), "the merged customer is not listed");
}

/// Etsy's two downloads of the same orders, in either order: one order each,
/// one customer per buyer (both files key buyers by username), the items
/// file's lines on the orders, and no conflict.
#[test]
fn both_etsy_downloads_of_the_same_orders_are_one_archive_in_either_order() {
    for files in
        [["etsy_sold_orders.csv", "etsy_sold_order_items.csv"], ["etsy_sold_order_items.csv", "etsy_sold_orders.csv"]]
    {
        let mut store = Store::open_in_memory().unwrap();
        for f in files {
            let report = import(&mut store, &fixture(f), &ImportFlags::default()).unwrap();
            assert_eq!((report.conflicts, report.rejected.len()), (0, 0), "{f}");
        }
        let counts: (i64, i64, i64) = store
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM orders),
                        (SELECT count(*) FROM order_items)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(counts, (3, 4, 5), "3 buyers, 4 orders, the items file's 5 lines");
        let ava: (i64, String) = store
            .conn
            .query_row("SELECT orders_count, nick FROM customers WHERE buyer_id = 'avabrooks'", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(ava, (2, "avabrooks".to_owned()));
    }
}

/// Taobao numbers orders platform-wide: orders a seller imported into one shop
/// (before shops, all of a platform's orders shared one) are found there when
/// the export comes again under another shop's name, instead of stored twice.
/// Shopify stores number their own: the same numbers in another store are new.
#[test]
fn an_order_number_of_the_platform_is_found_in_another_shop_where_numbers_are_platform_wide() {
    let mut store = Store::open_in_memory().unwrap();
    let first = import(&mut store, &fixture("taobao_a_2018.csv"), &ImportFlags::default()).unwrap();
    assert!(first.orders_new > 0);
    let into = |shop: &str| ImportFlags { shop: Some(shop.into()), ..Default::default() };
    let again = import(&mut store, &fixture("taobao_a_2018.csv"), &into("B店")).unwrap();
    assert_eq!((again.orders_new, again.orders_unchanged, again.conflicts), (0, first.orders_new, 0));
    // The file's shop (named by its 店铺名称 on the first import) holds them still.
    assert_eq!(again.shops, ["B店", "小鱼手作铺"]);
    let orders: i64 = store.conn.query_row("SELECT count(*) FROM orders", [], |r| r.get(0)).unwrap();
    assert_eq!(orders, i64::from(first.orders_new));

    let north = import(&mut store, &fixture("shopify_store_north.csv"), &into("North")).unwrap();
    let elsewhere = import(&mut store, &fixture("shopify_store_north.csv"), &into("North copy")).unwrap();
    assert_eq!(elsewhere.orders_new, north.orders_new, "a Shopify store's numbers are its own");
}

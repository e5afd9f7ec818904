//! `make bench`: the archive's speed on the 300,000-customer demo shop, written to
//! docs/BENCHMARKS.md. Every figure is also given as a ratio to a baseline measured in the
//! same run on the same machine (a raw SQLite insert or scan of the same size), so numbers
//! from different machines can be compared. Nothing here is asserted: benchmarks inform,
//! tests decide.

use chrono::{TimeZone, Utc};
use laoke_core::dto::{CustomerQuery, CustomerSort, DemoRequest};
use laoke_core::Platform;
use laoke_store::Store;
use rand::{Rng, SeedableRng};
use std::fmt::Write;
use std::time::{Duration, Instant};

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let customers: u32 = std::env::var("LAOKE_BENCH_CUSTOMERS").ok().and_then(|v| v.parse().ok()).unwrap_or(300_000);
    let out = std::env::var("LAOKE_BENCH_OUT").unwrap_or_else(|_| "docs/BENCHMARKS.md".into());
    let dir = tempfile::tempdir().expect("temp dir");
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();

    // Baseline 1: a raw insert of as many rows as the demo writes orders, in one transaction.
    let raw = rusqlite::Connection::open(dir.path().join("raw.db")).unwrap();
    raw.execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE t (a TEXT, b TEXT, c TEXT, d INTEGER);").unwrap();
    let rows = u64::from(customers) * 34 / 10;
    let t = Instant::now();
    {
        let tx = raw.unchecked_transaction().unwrap();
        let mut stmt = tx.prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4)").unwrap();
        for i in 0..rows {
            stmt.execute(rusqlite::params![format!("{i:019}"), "completed", "123.45", i as i64]).unwrap();
        }
        drop(stmt);
        tx.commit().unwrap();
    }
    let baseline_insert = t.elapsed();

    let mut store = Store::open(dir.path().join("bench.db")).unwrap();
    let t = Instant::now();
    let report = store.fill_demo(DemoRequest { customers, seed: 1 }, now, |_| true).unwrap();
    let fill = t.elapsed();

    // Baseline 2: a raw scan reading the same columns the dashboard reads.
    let t = Instant::now();
    let _: i64 = raw.query_row("SELECT sum(length(a) + length(b) + length(c)) FROM t", [], |r| r.get(0)).unwrap();
    let baseline_scan = t.elapsed();

    let t = Instant::now();
    let dashboard = store.dashboard().unwrap();
    let dash = t.elapsed();

    // Customer list: 200 random pages, each with one filter and one sort.
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let sorts = [
        CustomerSort::Nick,
        CustomerSort::Purchases,
        CustomerSort::Value,
        CustomerSort::FirstPurchase,
        CustomerSort::LastPurchase,
    ];
    let mut times = Vec::new();
    for _ in 0..200 {
        let q = CustomerQuery {
            search: None,
            platform: Some(Platform::ALL[rng.random_range(0..8)]),
            sort: sorts[rng.random_range(0..sorts.len())],
            desc: rng.random_bool(0.5),
            offset: rng.random_range(0..50) * 50,
            limit: 50,
        };
        let t = Instant::now();
        store.customer_page(&q).unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    let t = Instant::now();
    let _: i64 = raw.query_row("SELECT count(*) FROM (SELECT d FROM t LIMIT 50)", [], |r| r.get(0)).unwrap();
    let baseline_page = t.elapsed().max(Duration::from_micros(1));

    let mut md = String::new();
    let _ = writeln!(
        md,
        "# Benchmarks\n\nProduced by `make bench` (`cargo bench -p laoke-store --bench archive`) on {} cores; \
        every figure is compared with a baseline measured in the same run. Do not edit by hand.\n",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let _ = writeln!(
        md,
        "Demo shop: {} customers, {} orders, {} order items (seed 1).\n",
        report.customers, report.orders, report.order_items
    );
    let _ = writeln!(md, "| operation | time | baseline | ratio |\n|---|---|---|---|");
    let _ = writeln!(
        md,
        "| demo fill (one transaction) | {:.2} s | raw insert of {rows} rows: {:.2} s | {:.1}× |",
        secs(fill),
        secs(baseline_insert),
        secs(fill) / secs(baseline_insert)
    );
    let _ = writeln!(md, "| dashboard (stats + monthly + platforms over all orders) | {:.0} ms | raw scan of {rows} rows: {:.0} ms | {:.1}× |", secs(dash) * 1e3, secs(baseline_scan) * 1e3, secs(dash) / secs(baseline_scan));
    let _ = writeln!(
        md,
        "| customer page, one filter + one sort, p50 | {:.2} ms | raw 50-row read: {:.3} ms | {:.0}× |",
        secs(percentile(&times, 0.5)) * 1e3,
        secs(baseline_page) * 1e3,
        secs(percentile(&times, 0.5)) / secs(baseline_page)
    );
    let _ = writeln!(
        md,
        "| customer page, one filter + one sort, p95 (200 queries) | {:.2} ms | | |",
        secs(percentile(&times, 0.95)) * 1e3
    );
    let _ = writeln!(
        md,
        "\nShop figures of the run: revenue {}, aov {}, repurchase rate {}.",
        dashboard.stats.revenue, dashboard.stats.aov, dashboard.stats.repurchase_rate
    );
    std::fs::write(&out, &md).expect("write benchmarks");
    print!("{md}");
}

//! `make bench`: the archive's speed on the 300,000-customer demo shop, written to
//! docs/BENCHMARKS.md. Every figure is also given as a ratio to a baseline measured in the
//! same run on the same machine (a raw SQLite insert or scan of the same size), so numbers
//! from different machines can be compared. Nothing here is asserted: benchmarks inform,
//! tests decide.

use chrono::{TimeZone, Utc};
use laoke_core::dto::{CustomerQuery, DemoRequest};
use laoke_core::segment::SortField;
use laoke_store::cipher::ArchiveKey;
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

    // The dashboard: the ledger is read once per archive change, then every question
    // (all time, a period, one platform, with anomalies and churn) is folded from it.
    let t = Instant::now();
    let ledger = store.ledger().unwrap();
    let ledger_load = t.elapsed();
    let dash_today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let t = Instant::now();
    let dashboard = store.dashboard(&Default::default(), dash_today, Some(&ledger.ledger)).unwrap();
    let dash = t.elapsed();
    let mut dash_queries: Vec<Duration> = (0..20)
        .map(|i| {
            let query = laoke_core::dto::DashboardQuery {
                from: Some(format!("2026-{:02}-01", i % 10 + 1)),
                to: Some("2026-11-21".to_owned()),
                platform: (i % 2 == 1).then_some(laoke_core::Platform::Taobao),
                shops: None,
            };
            let t = Instant::now();
            store.dashboard(&query, dash_today, Some(&ledger.ledger)).unwrap();
            t.elapsed()
        })
        .collect();
    dash_queries.sort();
    drop(ledger);
    // The slipping-away list: both models fitted and every buyer forecast (the
    // app keeps the list until the archive changes, so this is the first view's cost).
    let t = Instant::now();
    let req = laoke_store::PredictRequest { as_of: None, unit: laoke_core::predict::Unit::Week, horizon_days: 365 };
    let slipping = store.slipping_away(&req, 20).unwrap();
    let slipping_cold = t.elapsed();

    // Stages and RFM: the first computation writes every customer's scores; a
    // recompute after a threshold change rewrites only the customers that moved.
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let t = Instant::now();
    store.recompute(today).unwrap();
    let first_recompute = t.elapsed();
    let shorter = laoke_core::lifecycle::StageThresholds { active_days: 60, ..Default::default() };
    let t = Instant::now();
    let moved = store.set_stage_thresholds(shorter, today).unwrap().stage_changes;
    let threshold_recompute = t.elapsed();
    let t = Instant::now();
    store.recompute(today).unwrap();
    let steady_recompute = t.elapsed();
    let t = Instant::now();
    store.set_stage_thresholds(Default::default(), today).unwrap();
    let _ = t.elapsed();

    // Tiers: apply the default ladder once, then preview 50 ladders with random
    // thresholds over inputs read once (what the Tiers page does while a slider moves).
    let ladder = laoke_core::tier::TierLadder::default();
    store.tier_apply(&ladder, today).unwrap();
    let t = Instant::now();
    let inputs = store.tier_inputs(ladder.window, today).unwrap();
    let tier_inputs = t.elapsed();
    let mut tier_rng = rand::rngs::StdRng::seed_from_u64(11);
    let mut previews = Vec::new();
    let mut movers = Vec::new();
    for _ in 0..50 {
        let mut l = ladder.clone();
        for (k, tier) in l.tiers.iter_mut().enumerate().skip(1) {
            tier.min_value = Some(rust_decimal::Decimal::from(tier_rng.random_range(200..800) * k as i64 * 2));
        }
        let t = Instant::now();
        store.tier_preview_in(&l, &inputs).unwrap();
        previews.push(t.elapsed());
        // The list the preview's counts open: the 200 largest who would move down.
        let query =
            laoke_core::dto::TierMoverQuery { direction: laoke_core::dto::MoveDirection::Down, tier: None, limit: 200 };
        let t = Instant::now();
        store.tier_movers_in(&l, &inputs, &query).unwrap();
        movers.push(t.elapsed());
    }
    previews.sort();
    movers.sort();

    let t = Instant::now();
    let snap = store.roster().unwrap();
    snap.roster.warm();
    let roster_build = t.elapsed();

    // Customer list: 200 random pages, each with one random filter, one random
    // sort and a random page anywhere in the result.
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let filters = [
        "platform=taobao",
        "stage=sleeping",
        "stage=loyal,active",
        "rfm=champions",
        "rfm=at_risk,cant_lose_them",
        "value>=500",
        "value=100..300",
        "purchases>=3",
        "last_purchase:within_days:90",
        "last_purchase<2026-01-01",
        "first_purchase=2025-01-01..2025-12-31",
        "province=浙江省",
        "rfm_r>=4",
        "nick~茶",
        "dnd=false",
    ];
    let parse = |f: &str| -> laoke_core::segment::Filter {
        let (field, rest) = f.split_once(['=', '>', '<', ':', '~']).unwrap();
        let op_and_value = &f[field.len()..];
        let (op, values): (&str, Vec<String>) = if let Some(v) = op_and_value.strip_prefix(">=") {
            ("gte", vec![v.into()])
        } else if let Some(v) = op_and_value.strip_prefix('<') {
            ("lt", vec![v.into()])
        } else if let Some(v) = op_and_value.strip_prefix('~') {
            ("contains", vec![v.into()])
        } else if let Some(v) = op_and_value.strip_prefix(":within_days:") {
            ("within_days", vec![v.into()])
        } else if let Some((lo, hi)) = rest.split_once("..") {
            ("between", vec![lo.into(), hi.into()])
        } else {
            ("in", rest.split(',').map(String::from).collect())
        };
        serde_json::from_value(serde_json::json!({"rules": [{"field": field, "op": op, "values": values}]})).unwrap()
    };
    let mut times = Vec::new();
    for _ in 0..200 {
        let filter = parse(filters[rng.random_range(0..filters.len())]);
        let sort = SortField::ALL[rng.random_range(0..SortField::ALL.len())];
        let desc = rng.random_bool(0.5);
        let q = CustomerQuery { filter: Some(filter), sort, desc, limit: 50, ..Default::default() };
        let total = store.customer_page_in(&snap, &CustomerQuery { limit: 0, ..q.clone() }, today).unwrap().total;
        let q = CustomerQuery { offset: rng.random_range(0..total.max(1)), ..q };
        let t = Instant::now();
        store.customer_page_in(&snap, &q, today).unwrap();
        times.push(t.elapsed());
    }
    times.sort();

    // Segment counts: a three-condition AND/OR segment, 50 times.
    let segment: laoke_core::segment::Filter = serde_json::from_value(serde_json::json!({"match": "all", "rules": [
        {"field": "stage", "op": "in", "values": ["sleeping", "churned"]},
        {"match": "any", "rules": [
            {"field": "value", "op": "gte", "values": ["800"]},
            {"field": "purchases", "op": "gte", "values": ["4"]}]},
        {"field": "platform", "op": "ne", "values": ["douyin"]}]}))
    .unwrap();
    let mut counts = Vec::new();
    let mut in_segment = 0;
    for _ in 0..50 {
        let t = Instant::now();
        in_segment = store.count_in(&snap, &segment, today).unwrap().customers;
        counts.push(t.elapsed());
    }
    counts.sort();
    let search_t = Instant::now();
    let q = CustomerQuery { search: Some("江南".into()), ..Default::default() };
    let found = store.customer_page_in(&snap, &q, today).unwrap().total;
    let search_time = search_t.elapsed();
    let t = Instant::now();
    let _: i64 = raw.query_row("SELECT count(*) FROM (SELECT d FROM t LIMIT 50)", [], |r| r.get(0)).unwrap();
    let baseline_page = t.elapsed().max(Duration::from_micros(1));

    // Care: five rules planned over 30 days, then the same days again (nothing changes).
    let settings = laoke_core::dto::Settings { shop_name: "老客茶铺".into(), ..store.settings().unwrap() };
    store.update_settings(&settings).unwrap();
    store
        .save_segment(
            "高价值",
            &serde_json::from_value(serde_json::json!({"match": "all", "rules": [
        {"field": "value", "op": "gte", "values": ["800"]}]}))
            .unwrap(),
            now,
        )
        .unwrap();
    let rules = [
        r#"{"name": "生日", "trigger": {"kind": "birthday"}, "channel": "wangwang", "send_at": "10:00", "template": "{nick}，生日快乐！"}"#,
        r#"{"name": "回访", "trigger": {"kind": "after_purchase", "days": 7, "from": "paid"}, "channel": "wangwang", "send_at": "15:00", "template": "{nick}，{last_item} 喝着还好吗？"}"#,
        r#"{"name": "唤醒", "trigger": {"kind": "became_sleeping", "days_after": 3}, "channel": "sms", "send_at": "11:00", "priority": "marketing", "template": "{nick}，好久不见，{days_since} 天没来了"}"#,
        r#"{"name": "双12", "trigger": {"kind": "festival", "key": "double_12", "days_before": 1}, "target": {"segment": "高价值"}, "channel": "wangwang", "send_at": "20:00", "priority": "marketing", "template": "{nick}，明天{festival}"}"#,
        r#"{"name": "催付", "trigger": {"kind": "unpaid", "minutes": 30}, "channel": "wangwang", "send_at": "10:00", "template": "{nick}，订单还没付款哦"}"#,
    ];
    for r in rules {
        store.add_care_rule(&laoke_core::care::parse(r).unwrap(), now).unwrap();
    }
    let plan_to = today + chrono::Days::new(29);
    // Stages and the roster are brought up to date first, as the app has them (both are measured above).
    store.refresh(today).unwrap();
    let snap = store.roster().unwrap();
    let t = Instant::now();
    let planned = store.plan_care_in(Some(&snap), today, plan_to, now).unwrap();
    let care_plan = t.elapsed();
    let t = Instant::now();
    let replanned = store.plan_care_in(Some(&snap), today, plan_to, now).unwrap();
    let care_replan = t.elapsed();
    assert_eq!(planned, replanned, "planning again changes nothing");
    let care_skipped = planned.iter().filter(|m| m.status == laoke_core::dto::MessageStatus::Skipped).count();

    // Exports and backups of the whole shop, each against the raw scan of its rows.
    let export = |kind, format, name: &str| {
        use laoke_core::dto::{CustomerQuery, ExportRequest};
        let path = dir.path().join(name);
        let req = ExportRequest {
            kind,
            format,
            query: CustomerQuery::default(),
            ids: None,
            privacy: false,
            language: Some("zh-CN".into()),
            path: path.display().to_string(),
        };
        let t = Instant::now();
        let report = store.export(&req, today).unwrap();
        (t.elapsed(), report.rows, std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0))
    };
    use laoke_core::dto::{ExportFormat, ExportKind};
    let exports = [
        ("customers to CSV", export(ExportKind::Customers, ExportFormat::Csv, "customers.csv")),
        ("customers to XLSX", export(ExportKind::Customers, ExportFormat::Xlsx, "customers.xlsx")),
        ("orders to CSV", export(ExportKind::Orders, ExportFormat::Csv, "orders.csv")),
        ("orders to XLSX", export(ExportKind::Orders, ExportFormat::Xlsx, "orders.xlsx")),
    ];
    let backup_file = dir.path().join("manual-backup.db");
    let t = Instant::now();
    let backup = store.backup_to(&backup_file).unwrap();
    let backup_time = t.elapsed();
    let t = Instant::now();
    let preview = laoke_store::backup_preview(&backup_file, None).unwrap();
    let preview_time = t.elapsed();
    assert_eq!(preview.orders, store.info().unwrap().counts.orders);
    let t = Instant::now();
    store.restore_file(&backup_file, now).unwrap();
    let restore_time = t.elapsed();

    // Encryption: the same archive plain and then encrypted, each opened afresh as
    // an app command does, its customer list read from disk (the list's first
    // query after a change) and paged.
    let db_path = store.path().to_path_buf();
    drop(store);
    let list_costs = |key: Option<&ArchiveKey>| {
        let mut opens: Vec<Duration> = (0..20)
            .map(|_| {
                let t = Instant::now();
                drop(Store::open_with(&db_path, key).unwrap());
                t.elapsed()
            })
            .collect();
        opens.sort();
        let store = Store::open_with(&db_path, key).unwrap();
        let t = Instant::now();
        let snap = store.roster().unwrap();
        let first = store.customer_page_in(&snap, &CustomerQuery { limit: 50, ..Default::default() }, today).unwrap();
        let roster_time = t.elapsed();
        assert_eq!(first.total, customers);
        let mut pages: Vec<Duration> = (0..50)
            .map(|i| {
                let q = CustomerQuery {
                    offset: i * 997,
                    sort: SortField::ALL[i as usize % SortField::ALL.len()],
                    limit: 50,
                    ..Default::default()
                };
                let t = Instant::now();
                store.customer_page_in(&snap, &q, today).unwrap();
                t.elapsed()
            })
            .collect();
        pages.sort();
        (percentile(&opens, 0.5), roster_time, percentile(&pages, 0.5))
    };
    let plain_list = list_costs(None);
    let key = ArchiveKey::chosen("bench passphrase").unwrap();
    let t = Instant::now();
    laoke_store::cipher::change_encryption(&db_path, None, Some(&key), None).unwrap();
    let encrypt_time = t.elapsed();
    let encrypted_bytes = std::fs::metadata(&db_path).map(|m| m.len()).unwrap_or(0);
    // A fresh key, so its first open pays the passphrase's derivation as the app's unlock does.
    let fresh = ArchiveKey::new("bench passphrase").unwrap();
    let t = Instant::now();
    drop(Store::open_with(&db_path, Some(&fresh)).unwrap());
    let unlock_time = t.elapsed();
    let encrypted_list = list_costs(Some(&fresh));
    let store = Store::open_with(&db_path, Some(&fresh)).unwrap();
    assert_eq!(store.info().unwrap().counts.orders, preview.orders);

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
    let _ = writeln!(
        md,
        "| dashboard ledger: every order read into memory (once per archive change) | {:.0} ms | raw scan of {rows} rows: {:.0} ms | {:.1}× |",
        secs(ledger_load) * 1e3,
        secs(baseline_scan) * 1e3,
        secs(ledger_load) / secs(baseline_scan)
    );
    let _ = writeln!(
        md,
        "| dashboard, all time (figures, day/week/month series, cohorts, Pareto, churn cost, anomalies) | {:.0} ms | raw scan of {rows} rows: {:.0} ms | {:.2}× |",
        secs(dash) * 1e3,
        secs(baseline_scan) * 1e3,
        secs(dash) / secs(baseline_scan)
    );
    let _ = writeln!(
        md,
        "| dashboard, a period and/or one platform, p95 of 20 | {:.0} ms | | |",
        secs(percentile(&dash_queries, 0.95)) * 1e3
    );
    let _ = writeln!(
        md,
        "| dashboard \"slipping away\" list, first view after a change (reads every purchase, fits both models in {} ms, forecasts {} buyers) | {:.2} s | | |",
        slipping.model.fit_ms,
        slipping.model.customers,
        secs(slipping_cold)
    );
    let _ = writeln!(
        md,
        "| stages + RFM, first computation (writes every customer) | {:.0} ms | raw insert of {rows} rows: {:.0} ms | {:.2}× |",
        secs(first_recompute) * 1e3,
        secs(baseline_insert) * 1e3,
        secs(first_recompute) / secs(baseline_insert)
    );
    let _ = writeln!(
        md,
        "| stages + RFM after a threshold change ({moved} customers move) | {:.0} ms | | |",
        secs(threshold_recompute) * 1e3
    );
    let _ =
        writeln!(md, "| stages + RFM, daily recompute (nothing moves) | {:.0} ms | | |", secs(steady_recompute) * 1e3);
    let _ = writeln!(
        md,
        "| customer roster load + sort ranks (once per archive change) | {:.0} ms | raw scan of {rows} rows: {:.0} ms | {:.1}× |",
        secs(roster_build) * 1e3,
        secs(baseline_scan) * 1e3,
        secs(roster_build) / secs(baseline_scan)
    );
    let _ = writeln!(
        md,
        "| segment count, 3 conditions AND/OR ({in_segment} customers), p95 of 50 | {:.2} ms | | |",
        secs(percentile(&counts, 0.95)) * 1e3
    );
    let _ = writeln!(md, "| search \"江南\" ({found} customers) | {:.2} ms | | |", secs(search_time) * 1e3);
    let _ = writeln!(
        md,
        "| tier inputs (window standings + held tiers, once per archive change) | {:.0} ms | raw scan of {rows} rows: {:.0} ms | {:.1}× |",
        secs(tier_inputs) * 1e3,
        secs(baseline_scan) * 1e3,
        secs(tier_inputs) / secs(baseline_scan)
    );
    let _ = writeln!(
        md,
        "| tier preview of a changed ladder, p95 of 50 | {:.2} ms | | |",
        secs(percentile(&previews, 0.95)) * 1e3
    );
    let _ = writeln!(
        md,
        "| tier movers list (200 largest moving down), p95 of 50 | {:.2} ms | | |",
        secs(percentile(&movers, 0.95)) * 1e3
    );
    let _ = writeln!(
        md,
        "| customer page, one filter + one sort, p50 | {:.2} ms | raw 50-row read: {:.3} ms | {:.0}× |",
        secs(percentile(&times, 0.5)) * 1e3,
        secs(baseline_page) * 1e3,
        secs(percentile(&times, 0.5)) / secs(baseline_page)
    );
    let _ = writeln!(
        md,
        "| customer page, one random filter + sort + page, p95 (200 queries) | {:.2} ms | | |",
        secs(percentile(&times, 0.95)) * 1e3
    );
    let _ = writeln!(
        md,
        "| care plan, 5 rules × 30 days ({} messages, {care_skipped} skipped by the guards) | {:.0} ms | raw scan of {rows} rows: {:.0} ms | {:.1}× |",
        planned.len(),
        secs(care_plan) * 1e3,
        secs(baseline_scan) * 1e3,
        secs(care_plan) / secs(baseline_scan)
    );
    let _ =
        writeln!(md, "| care plan of the same days again (nothing changes) | {:.0} ms | | |", secs(care_replan) * 1e3);
    for (what, (time, rows_written, bytes)) in &exports {
        let _ = writeln!(
            md,
            "| export {what} ({rows_written} rows, {:.1} MB) | {:.2} s | raw scan of {rows} rows: {:.0} ms | {:.1}× |",
            *bytes as f64 / 1e6,
            secs(*time),
            secs(baseline_scan) * 1e3,
            secs(*time) / secs(baseline_scan)
        );
    }
    let _ = writeln!(
        md,
        "| backup to a chosen file ({:.0} MB) | {:.2} s | | |\n| backup preview (counts, last import, schema) | {:.0} ms | | |\n| restore of that backup (copied aside, stamped, copied in; the current state backed up first) | {:.2} s | | |",
        backup.bytes as f64 / 1e6,
        secs(backup_time),
        secs(preview_time) * 1e3,
        secs(restore_time)
    );
    let _ = writeln!(
        md,
        "\n### Encryption\n\nThe same archive plain and encrypted (SQLCipher, AES-256, a key derived once per file), \
        each measured after it was written. The import's cost is in the Import section.\n\n\
        | operation | plain | encrypted | ratio |\n|---|---|---|---|"
    );
    let (po, pr, pp) = plain_list;
    let (eo, er, ep) = encrypted_list;
    let _ = writeln!(
        md,
        "| open a connection (each app command does), median of 20 | {:.2} ms | {:.2} ms | {:.2}× |",
        secs(po) * 1e3,
        secs(eo) * 1e3,
        secs(eo) / secs(po)
    );
    let _ = writeln!(
        md,
        "| customer list, first page after a change (every customer read from disk) | {:.0} ms | {:.0} ms | {:.2}× |",
        secs(pr) * 1e3,
        secs(er) * 1e3,
        secs(er) / secs(pr)
    );
    let _ = writeln!(
        md,
        "| customer page on the held list, p50 of 50 | {:.2} ms | {:.2} ms | {:.2}× |",
        secs(pp) * 1e3,
        secs(ep) * 1e3,
        secs(ep) / secs(pp)
    );
    let _ = writeln!(
        md,
        "| encrypting the archive ({:.0} MB; written anew, then renamed into place) | | {:.2} s | |\n\
        | unlocking: the passphrase's key derived (PBKDF2-HMAC-SHA512, 256,000 rounds) and the archive opened | | {:.0} ms | |",
        encrypted_bytes as f64 / 1e6,
        secs(encrypt_time),
        secs(unlock_time) * 1e3
    );
    let _ = writeln!(
        md,
        "\nShop figures of the run: revenue {}, aov {}, repurchase rate {}.",
        dashboard.stats.revenue, dashboard.stats.aov, dashboard.stats.repurchase_rate
    );
    print!("{md}");
    // `make fuzz` writes its own section into the same file; rewriting the file keeps it.
    if let Some(kept) = std::fs::read_to_string(&out).ok().as_deref().and_then(reliability_section) {
        md = format!("{}\n\n{kept}", md.trim_end());
    }
    std::fs::write(&out, &md).expect("write benchmarks");
}

/// The `make fuzz` section of an existing BENCHMARKS.md: from its heading to the next `## ` or the end.
fn reliability_section(doc: &str) -> Option<String> {
    let start = doc.find("## Reliability (make fuzz)")?;
    let body = &doc[start..];
    let end = body[2..].find("\n## ").map_or(body.len(), |i| i + 3);
    Some(format!("{}\n", body[..end].trim_end()))
}

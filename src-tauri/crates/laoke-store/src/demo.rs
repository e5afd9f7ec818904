//! Filling an empty archive with the demo shop of `laoke_core::demo`.
//!
//! The whole fill is one transaction: a cancelled or failed fill leaves the
//! archive exactly as it was. Customers are generated on a second thread in
//! chunks while this one writes, since generation and SQLite inserts each take
//! about half of the time.

use crate::import_batches::{self, BatchSource};
use crate::orders::OrderOrigin;
use crate::EditError;
use crate::{customers, order_items, orders, shops, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use laoke_core::archive::CustomerTotals;
use laoke_core::demo::{DemoCustomer, DemoShop};
use laoke_core::dto::{DemoProgress, DemoReport, DemoRequest};
use laoke_core::time::to_stored;
use laoke_core::Platform;
use std::collections::HashMap;
use std::sync::mpsc;
use std::time::Instant;

/// The largest demo shop: enough for every benchmark, small enough to finish.
pub const MAX_DEMO_CUSTOMERS: u32 = 1_000_000;
const CHUNK: u32 = 2_000;
/// The demo seller's storefront on a platform: the tea house's name and the
/// platform's word for a shop, so that the shop menus and filters tell them apart.
fn demo_shop_name(platform: Platform) -> String {
    let shop = laoke_core::shop::default_name(platform);
    if platform.is_chinese() {
        format!("老客茶铺·{shop}")
    } else {
        format!("Laoke Tea House · {shop}")
    }
}

impl Store {
    /// Fills an empty archive with a demo shop. `progress` is called after each
    /// chunk and may return `false` to cancel, which rolls everything back.
    pub fn fill_demo(
        &mut self,
        request: DemoRequest,
        now: DateTime<Utc>,
        mut progress: impl FnMut(&DemoProgress) -> bool,
    ) -> Result<DemoReport> {
        let started = Instant::now();
        if request.customers == 0 || request.customers > MAX_DEMO_CUSTOMERS {
            return Err(EditError::DemoCustomers { customers: request.customers, max: MAX_DEMO_CUSTOMERS }.into());
        }
        let existing: u32 = self.conn.query_row("SELECT count(*) FROM orders", [], |r| r.get(0))?;
        if existing > 0 {
            return Err(StoreError::DemoNotEmpty { orders: existing });
        }
        let shop = DemoShop::new(request.seed, request.customers, now);
        let stamp = to_stored(now);
        let total = request.customers;
        let tx = self.conn.transaction()?;
        let batch_id = import_batches::start(&tx, BatchSource::Demo, &stamp)?;
        let mut shop_ids = HashMap::new();
        for p in Platform::ALL.into_iter().filter(|p| *p != Platform::Generic) {
            shop_ids.insert(p, shops::ensure(&tx, p, &demo_shop_name(p), &stamp)?.id);
        }
        let mut report = DemoReport { customers: 0, orders: 0, order_items: 0, elapsed_ms: 0 };
        std::thread::scope(|scope| -> Result<()> {
            let (send, receive) = mpsc::sync_channel::<Vec<DemoCustomer>>(4);
            scope.spawn(move || {
                for start in (0..total).step_by(CHUNK as usize) {
                    let chunk = (start..(start + CHUNK).min(total)).map(|i| shop.customer(i)).collect();
                    if send.send(chunk).is_err() {
                        return; // the writer stopped: cancelled or failed
                    }
                }
            });
            let mut lines = order_items::LineInserts::new(&tx);
            for chunk in receive {
                for c in &chunk {
                    let shop_id = shop_ids[&c.identity.platform];
                    write_customer(&tx, &mut lines, c, shop_id, batch_id, &stamp, &mut report)?;
                }
                let step = DemoProgress { phase: "customers".into(), done: report.customers, total };
                if !progress(&step) {
                    return Err(StoreError::Cancelled);
                }
            }
            Ok(())
        })?;
        progress(&DemoProgress { phase: "finishing".into(), done: total, total });
        report.elapsed_ms = started.elapsed().as_millis() as u64;
        import_batches::finish(&tx, batch_id, &serde_json::to_value(&report).unwrap_or_default(), &stamp)?;
        crate::settings::bump_generation(&tx)?;
        tx.commit()?;
        // Fresh statistics let the query planner pick the right indexes at once.
        self.conn.execute_batch("PRAGMA optimize;")?;
        report.elapsed_ms = started.elapsed().as_millis() as u64;
        Ok(report)
    }
}

fn write_customer(
    tx: &rusqlite::Transaction<'_>,
    lines: &mut order_items::LineInserts<'_>,
    c: &DemoCustomer,
    shop_id: i64,
    batch_id: i64,
    stamp: &str,
    report: &mut DemoReport,
) -> Result<()> {
    // A new demo shop counts cash on delivery (the demo has none).
    let totals = CustomerTotals::from_orders(&c.orders, true);
    let customer_id = customers::insert(tx, shop_id, &c.identity, &c.profile, &totals, stamp)?;
    let origin = OrderOrigin { platform: c.identity.platform, shop_id, customer_id: Some(customer_id), batch_id };
    for order in &c.orders {
        let order_id = orders::insert(tx, &origin, order, true, stamp)?;
        lines.insert(order_id, &order.items)?;
        report.order_items += order.items.len() as u32;
    }
    report.orders += c.orders.len() as u32;
    report.customers += 1;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap()
    }

    #[test]
    fn fills_an_empty_archive_once_and_reports_what_it_wrote() {
        let mut store = Store::open_in_memory().unwrap();
        let mut calls = Vec::new();
        let report = store
            .fill_demo(DemoRequest { customers: 2_500, seed: 1 }, now(), |p| {
                calls.push(p.clone());
                true
            })
            .unwrap();
        let info = store.info().unwrap();
        assert_eq!(report.customers, 2_500);
        assert_eq!(info.counts.customers, 2_500);
        assert_eq!(info.counts.orders, report.orders);
        assert_eq!(info.counts.order_items, report.order_items);
        assert!(report.orders > 7_000, "about 3.4 orders per customer: {}", report.orders);
        assert_eq!(info.counts.import_batches, 1);
        assert_eq!(calls.first().map(|p| p.done), Some(2_000));
        assert_eq!(calls.last().map(|p| (p.phase.as_str(), p.done)), Some(("finishing", 2_500)));
        // One shop per platform, each named so that menus and filters tell them apart.
        let shops = store.shops().unwrap();
        let names: std::collections::HashSet<&str> = shops.iter().map(|s| s.name.as_str()).collect();
        assert_eq!((shops.len(), names.len()), (8, 8));
        assert!(names.contains("老客茶铺·淘宝店") && names.contains("Laoke Tea House · Shopify store"), "{names:?}");
        assert_eq!(shops.iter().map(|s| s.orders).sum::<u32>(), report.orders);

        let err = store.fill_demo(DemoRequest { customers: 10, seed: 2 }, now(), |_| true).unwrap_err();
        assert!(matches!(err, StoreError::DemoNotEmpty { orders } if orders == report.orders));
    }

    #[test]
    fn cancelling_leaves_the_archive_exactly_as_before() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store.fill_demo(DemoRequest { customers: 5_000, seed: 1 }, now(), |p| p.done < 4_000).unwrap_err();
        assert!(matches!(err, StoreError::Cancelled));
        let info = store.info().unwrap();
        assert_eq!(info.counts, Default::default());
    }

    #[test]
    fn absurd_sizes_are_refused() {
        let mut store = Store::open_in_memory().unwrap();
        for n in [0, MAX_DEMO_CUSTOMERS + 1] {
            let err = store.fill_demo(DemoRequest { customers: n, seed: 1 }, now(), |_| true).unwrap_err();
            assert!(matches!(err, StoreError::Edit(EditError::DemoCustomers { .. })));
        }
    }

    #[test]
    fn stored_totals_match_the_orders_table() {
        let mut store = Store::open_in_memory().unwrap();
        store.fill_demo(DemoRequest { customers: 300, seed: 9 }, now(), |_| true).unwrap();
        let mismatches: u32 = store
            .conn
            .query_row(
                "SELECT count(*) FROM customers c WHERE c.orders_count != (SELECT count(*) FROM orders o WHERE o.customer_id = c.id)
                    OR c.purchases != (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.kind = 'purchase')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(mismatches, 0);
    }
}

//! The dashboard and `laoke stats`: one pass over the orders table folded by
//! `laoke_core::stats`, so Decimal sums stay exact and the definitions live in
//! one place.

use crate::stored_values::{decimal, instant, parsed};
use crate::{Result, Store};
use laoke_core::archive::OrderKind;
use laoke_core::dto::Dashboard;
use laoke_core::stats::{OrderFacts, ShopStatsBuilder};
use rust_decimal::Decimal;

impl Store {
    /// The figures of every shop, or of the shops in `shops` only (by id).
    pub fn dashboard(&self, shops: Option<&[i64]>) -> Result<Dashboard> {
        let mut builder = ShopStatsBuilder::new(self.timezone()?);
        // The kind was decided by laoke-core when the order was written; only orders that
        // count need their value parsed.
        let mut stmt =
            self.conn.prepare("SELECT customer_id, platform, kind, value, created_at, shop_id FROM orders")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let shop_id: i64 = row.get(5)?;
            if shops.is_some_and(|s| !s.contains(&shop_id)) {
                continue;
            }
            let kind = crate::orders::kind_at(row, 2)?;
            let value = if kind == OrderKind::Other { Decimal::ZERO } else { decimal(row, 3, "orders", "value")? };
            builder.add(OrderFacts {
                customer_id: row.get(0)?,
                platform: parsed(row, 1, "orders", "platform")?,
                shop_id,
                kind,
                value,
                created_at: instant(row, 4, "orders", "created_at")?,
            });
        }
        Ok(builder.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use laoke_core::dto::DemoRequest;

    #[test]
    fn the_dashboard_of_a_demo_shop_agrees_with_its_customers() {
        let mut store = Store::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
        let report = store.fill_demo(DemoRequest { customers: 1_000, seed: 4 }, now, |_| true).unwrap();
        let d = store.dashboard(None).unwrap();
        assert_eq!(d.stats.orders, report.orders);
        assert_eq!(d.stats.customers, 1_000);
        // Revenue equals the sum of the customers' values, which were folded separately.
        let values: Vec<String> = store
            .conn
            .prepare("SELECT value FROM customers")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let sum: Decimal = values.iter().map(|v| v.parse::<Decimal>().unwrap()).sum();
        assert_eq!(d.stats.revenue, sum);
        let buyers: u32 =
            store.conn.query_row("SELECT count(*) FROM customers WHERE purchases > 0", [], |r| r.get(0)).unwrap();
        assert_eq!(d.stats.buyers, buyers);
        assert_eq!(d.monthly.iter().map(|m| m.orders).sum::<u32>(), report.orders);
        assert_eq!(d.monthly.iter().map(|m| m.new_buyers).sum::<u32>(), buyers);
        assert_eq!(d.platforms.iter().map(|p| p.customers).sum::<u32>(), 1_000);
    }
}

//! The dashboard, `laoke stats` and `laoke anomalies`: every order read once
//! into a `laoke_core::stats::Ledger` (the app keeps it until the archive
//! changes), then each question (period, shops, platform) folded from it in
//! memory, so Decimal sums stay exact and the definitions live in one place.

use crate::stored_values::{decimal, instant, parsed};
use crate::{Result, Store};
use chrono::NaiveDate;
use laoke_core::archive::OrderKind;
use laoke_core::dto::{Dashboard, DashboardQuery};
use laoke_core::stats::{Ledger, OrderFacts, Period, Scope};
use rust_decimal::Decimal;

/// A ledger and the archive generation (and time zone) it was read with.
pub struct LedgerSnapshot {
    pub ledger: Ledger,
    pub generation: i64,
    pub timezone: chrono_tz::Tz,
}

impl Store {
    /// Every order of the archive, in shop time.
    pub fn ledger(&self) -> Result<LedgerSnapshot> {
        let generation = self.generation()?;
        let timezone = self.timezone()?;
        // The kind was decided by laoke-core when the order was written; only orders that
        // count need their value parsed.
        let mut stmt =
            self.conn.prepare("SELECT customer_id, platform, kind, value, created_at, shop_id FROM orders")?;
        let mut rows = stmt.query([])?;
        let mut facts = Vec::new();
        while let Some(row) = rows.next()? {
            let kind = crate::orders::kind_at(row, 2)?;
            let value = if kind == OrderKind::Other { Decimal::ZERO } else { decimal(row, 3, "orders", "value")? };
            facts.push(OrderFacts {
                customer_id: row.get(0)?,
                platform: parsed(row, 1, "orders", "platform")?,
                shop_id: row.get(5)?,
                kind,
                value,
                created_at: instant(row, 4, "orders", "created_at")?,
            });
        }
        Ok(LedgerSnapshot { ledger: Ledger::new(timezone, facts), generation, timezone })
    }

    /// Whether `snap` still holds this archive's orders.
    pub fn ledger_is_current(&self, snap: &LedgerSnapshot) -> Result<bool> {
        Ok(snap.generation == self.generation()? && snap.timezone == self.timezone()?)
    }

    /// The dashboard of `query` on `today` (churn and anomalies are only known up
    /// to it), over `ledger` or one read for this call.
    pub fn dashboard(&self, query: &DashboardQuery, today: NaiveDate, ledger: Option<&Ledger>) -> Result<Dashboard> {
        let scope = Scope {
            shops: query.shops.clone(),
            platform: query.platform,
            period: Period::parse(query.from.as_deref(), query.to.as_deref())?,
            today,
            churn_days: self.stage_thresholds()?.churn_days,
        };
        Ok(match ledger {
            Some(ledger) => ledger.dashboard(&scope),
            None => self.ledger()?.ledger.dashboard(&scope),
        })
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
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let d = store.dashboard(&DashboardQuery::default(), today, None).unwrap();
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

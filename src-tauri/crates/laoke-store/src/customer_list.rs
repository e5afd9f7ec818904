//! One page of the customer list: search, platform filter, sort and paging.
//!
//! The SQL is assembled only from fixed fragments chosen by enum; user text is
//! always a bound parameter, with LIKE wildcards escaped.

use crate::columns::{decimal, parsed};
use crate::{customer_tags, Result, Store};
use laoke_core::dto::{CustomerPage, CustomerQuery, CustomerRow, CustomerSort};
use rusqlite::types::Value;

/// The largest page the list hands out at once.
pub const MAX_PAGE: u32 = 500;

fn order_by(sort: CustomerSort, desc: bool) -> String {
    let column = match sort {
        CustomerSort::Nick => "nick",
        CustomerSort::Purchases => "purchases",
        CustomerSort::Value => "CAST(value AS REAL)",
        CustomerSort::FirstPurchase => "first_purchase_at",
        CustomerSort::LastPurchase => "last_purchase_at",
    };
    let dir = if desc { "DESC" } else { "ASC" };
    // The id breaks ties so that paging never shows a row twice or skips one.
    format!("{column} {dir}, id {dir}")
}

fn like_pattern(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

impl Store {
    pub fn customer_page(&self, q: &CustomerQuery) -> Result<CustomerPage> {
        let mut clauses = vec!["merged_into IS NULL".to_owned()];
        let mut args: Vec<Value> = Vec::new();
        if let Some(platform) = q.platform {
            args.push(Value::Text(platform.as_str().to_owned()));
            clauses.push(format!("platform = ?{}", args.len()));
        }
        if let Some(text) = q.search.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            args.push(Value::Text(like_pattern(text)));
            let n = args.len();
            clauses.push(format!(
                "(nick LIKE ?{n} ESCAPE '\\' OR buyer_id LIKE ?{n} ESCAPE '\\' OR name LIKE ?{n} ESCAPE '\\' \
                 OR phone LIKE ?{n} ESCAPE '\\' OR email LIKE ?{n} ESCAPE '\\')"
            ));
        }
        let filter = clauses.join(" AND ");
        let total: u32 = self.conn.query_row(
            &format!("SELECT count(*) FROM customers WHERE {filter}"),
            rusqlite::params_from_iter(args.iter()),
            |r| r.get(0),
        )?;
        let sql = format!(
            "SELECT id, platform, buyer_id, nick, purchases, orders_count, value, first_purchase_at, last_purchase_at, province, city
             FROM customers WHERE {filter} ORDER BY {} LIMIT {} OFFSET {}",
            order_by(q.sort, q.desc),
            q.limit.min(MAX_PAGE),
            q.offset
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
        let mut customers = Vec::new();
        while let Some(r) = rows.next()? {
            customers.push(CustomerRow {
                id: r.get(0)?,
                platform: parsed(r, 1, "customers", "platform")?,
                buyer_id: r.get(2)?,
                nick: r.get(3)?,
                purchases: r.get(4)?,
                orders: r.get(5)?,
                value: decimal(r, 6, "customers", "value")?,
                first_purchase: r.get(7)?,
                last_purchase: r.get(8)?,
                stage: None,
                rfm: None,
                tier: None,
                tags: Vec::new(),
                province: r.get(9)?,
                city: r.get(10)?,
            });
        }
        let ids: Vec<i64> = customers.iter().map(|c| c.id).collect();
        let mut tags = customer_tags::names_for(&self.conn, &ids)?;
        for c in &mut customers {
            c.tags = tags.remove(&c.id).unwrap_or_default();
        }
        Ok(CustomerPage { total, customers })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use laoke_core::dto::DemoRequest;
    use laoke_core::Platform;
    use rust_decimal::Decimal;

    fn demo_store() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
        store.fill_demo(DemoRequest { customers: 800, seed: 11 }, now, |_| true).unwrap();
        store
    }

    #[test]
    fn pages_are_sorted_by_exact_value_and_do_not_overlap() {
        let store = demo_store();
        let q = CustomerQuery { limit: 100, ..CustomerQuery::default() };
        let first = store.customer_page(&q).unwrap();
        let second = store.customer_page(&CustomerQuery { offset: 100, ..q.clone() }).unwrap();
        assert_eq!(first.total, 800);
        let values: Vec<Decimal> = first.customers.iter().chain(&second.customers).map(|c| c.value).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "descending by value");
        let mut ids: Vec<i64> = first.customers.iter().chain(&second.customers).map(|c| c.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 200);
    }

    #[test]
    fn platform_filter_and_search_narrow_the_total() {
        let mut store = demo_store();
        let shopify =
            store.customer_page(&CustomerQuery { platform: Some(Platform::Shopify), ..Default::default() }).unwrap();
        assert!(shopify.total > 0 && shopify.total < 800);
        assert!(shopify.customers.iter().all(|c| c.platform == Platform::Shopify));

        let someone =
            store.customer_page(&CustomerQuery { limit: 1, ..Default::default() }).unwrap().customers.remove(0);
        let found = store
            .customer_page(&CustomerQuery { search: Some(someone.buyer_id.clone()), ..Default::default() })
            .unwrap();
        assert_eq!(found.total, 1);
        assert_eq!(found.customers[0].id, someone.id);

        store.tag_customer(someone.id, "老客", "2026-11-22T00:00:00Z").unwrap();
        let again =
            store.customer_page(&CustomerQuery { search: Some(someone.buyer_id), ..Default::default() }).unwrap();
        assert_eq!(again.customers[0].tags, ["老客"]);
    }

    #[test]
    fn wildcards_in_search_text_are_literal() {
        let store = demo_store();
        for text in ["%", "\\", "' OR 1=1 --"] {
            let page = store.customer_page(&CustomerQuery { search: Some(text.into()), ..Default::default() }).unwrap();
            assert_eq!(page.total, 0, "{text:?} matches nothing literally");
        }
        // Some demo nicks (tb_茶友…) really contain an underscore; only those match.
        let page =
            store.customer_page(&CustomerQuery { search: Some("_".into()), limit: 500, ..Default::default() }).unwrap();
        assert!(page.total > 0 && page.total < 800);
        assert!(page.customers.iter().all(|c| [&c.nick, &c.buyer_id].iter().any(|s| s.contains('_'))));
    }

    #[test]
    fn chinese_search_finds_chinese_nicks() {
        let store = demo_store();
        let page = store
            .customer_page(&CustomerQuery { search: Some("江南".into()), limit: 500, ..Default::default() })
            .unwrap();
        assert!(page.total > 0);
        assert!(page.customers.iter().all(|c| c.nick.contains("江南")));
    }
}

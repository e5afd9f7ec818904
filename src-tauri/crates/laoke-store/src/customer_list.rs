//! The customer list and segment counts over the in-memory roster: search,
//! platform, filter and segment, any sort keys, any page.
//!
//! The only SQL here answers what the roster does not hold, always with bound
//! parameters: customers with a matching order number or note (for search), and
//! buyers of an item or category (for filters).

use crate::roster::RosterSnapshot;
use crate::{Result, Store, StoreError};
use chrono::NaiveDate;
use laoke_core::dto::{CustomerPage, CustomerQuery, CustomerRow, SegmentCount};
use laoke_core::rfm::RfmGroup;
use laoke_core::segment::{compile, Condition, Context, Field, Filter, Op, Predicate, Rule, Search};
use laoke_core::time::to_stored;
use std::collections::{HashMap, HashSet};

/// The largest page the list hands out at once.
pub const MAX_PAGE: u32 = 500;

fn like_pattern(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

fn instant_text(secs: Option<i64>) -> Option<String> {
    secs.and_then(|s| chrono::DateTime::from_timestamp(s, 0)).map(to_stored)
}

/// The list rows of the customers at these roster positions, with their
/// contact fields read from the archive (the roster keeps only what filters need).
pub(crate) fn rows_at(
    conn: &rusqlite::Connection,
    snap: &RosterSnapshot,
    positions: &[usize],
) -> Result<Vec<CustomerRow>> {
    let mut contacts = conn
        .prepare_cached("SELECT name, email, phone, wechat, birthday, birthday_lunar FROM customers WHERE id = ?1")?;
    let tag_names: HashMap<u32, &str> = snap.tags.iter().map(|(name, id)| (*id, name.as_str())).collect();
    let shop_names = |f: &laoke_core::segment::CustomerFacts| -> Vec<String> {
        f.shops.iter().filter_map(|s| snap.shop_names.get(s)).cloned().collect()
    };
    positions
        .iter()
        .map(|&i| &snap.roster.facts()[i])
        .map(|f| {
            let mut tags: Vec<String> = f.tags.iter().filter_map(|t| tag_names.get(t)).map(|s| s.to_string()).collect();
            tags.sort();
            type Contacts = (Option<String>, Option<String>, Option<String>, Option<String>, Option<String>, bool);
            let (name, email, phone, wechat, birthday, birthday_lunar): Contacts = contacts
                .query_row([f.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?;
            Ok(CustomerRow {
                id: f.id,
                platform: f.platform.unwrap_or(laoke_core::Platform::Generic),
                buyer_id: f.buyer_id.to_string(),
                nick: f.nick.to_string(),
                purchases: f.purchases,
                orders: f.orders,
                value: f.value,
                first_purchase: instant_text(f.first_purchase),
                last_purchase: instant_text(f.last_purchase),
                stage: f.stage.map(|s| s.as_str().to_owned()),
                rfm: f.rfm.map(|s| RfmGroup::of(s).as_str().to_owned()),
                rfm_cell: f.rfm.map(|s| s.cell()),
                tier: f.tier.as_deref().map(str::to_owned),
                tags,
                shops: shop_names(f),
                province: f.province.as_deref().map(str::to_owned),
                city: f.city.as_deref().map(str::to_owned),
                name,
                email,
                phone,
                wechat,
                birthday,
                birthday_lunar,
                dnd: f.dnd,
                p_alive: f.forecast.map(|x| x.p_alive),
                expected_90d: f.forecast.map(|x| x.expected_90d),
                clv: f.forecast.map(|x| x.clv),
            })
        })
        .collect()
}

impl Store {
    /// Customers who bought what an item or category condition names.
    fn bought(&self, c: &Condition) -> Result<HashSet<i64>> {
        let column = if c.field == Field::Category { "i.category" } else { "i.title" };
        let (test, values): (&str, Vec<String>) = match c.op {
            Op::Contains => ("LIKE ?1 ESCAPE '\\'", vec![like_pattern(c.values.first().map_or("", |v| v.trim()))]),
            _ => ("= ?1", c.values.iter().map(|v| v.trim().to_owned()).collect()),
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT DISTINCT o.customer_id FROM order_items i JOIN orders o ON o.id = i.order_id
             WHERE {column} {test} AND o.customer_id IS NOT NULL"
        ))?;
        let mut out = HashSet::new();
        for v in values {
            let ids = stmt.query_map([v], |r| r.get::<_, i64>(0))?;
            for id in ids {
                out.insert(id?);
            }
        }
        Ok(out)
    }

    /// The people (merged identities folded in) with a purchase in `[lo, hi)` (Unix seconds).
    fn bought_between(&self, lo: Option<i64>, hi: Option<i64>) -> Result<HashSet<i64>> {
        let text = |t: Option<i64>, default: &str| {
            t.and_then(|s| chrono::DateTime::from_timestamp(s, 0))
                .map_or(default.to_owned(), laoke_core::time::to_stored)
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT DISTINCT {} FROM orders o JOIN customers c ON c.id = o.customer_id
             WHERE o.kind = 'purchase' AND o.created_at >= ?1 AND o.created_at < ?2",
            crate::persons::PERSON_OF_C
        ))?;
        let ids = stmt.query_map([text(lo, ""), text(hi, "~")], |r| r.get::<_, i64>(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// Compiles `filter` for `today`, resolving item and purchase-day conditions from the orders.
    pub(crate) fn compile_filter(
        &self,
        filter: &Filter,
        today: NaiveDate,
        tags: &HashMap<String, u32>,
        shops: &HashMap<String, Vec<u32>>,
    ) -> Result<Predicate> {
        let mut bought: HashMap<String, HashSet<i64>> = HashMap::new();
        let tz = self.timezone()?;
        for c in filter.conditions() {
            if matches!(c.field, Field::Item | Field::Category) && c.op.fits(c.field.kind()) {
                bought.insert(format!("{c:?}"), self.bought(c)?);
            }
            if let Some((lo, hi)) = laoke_core::segment::bought_on_bounds(c, today, tz) {
                bought.insert(format!("{c:?}"), self.bought_between(lo, hi)?);
            }
        }
        let lookup = |c: &Condition| bought.get(&format!("{c:?}")).cloned().unwrap_or_default();
        let ctx = Context { today, tz, tags, shops, bought: &lookup };
        compile(filter, &ctx).map_err(StoreError::Filter)
    }

    /// Customers whose order number starts with, or whose notes contain, `text`.
    fn search_elsewhere(&self, text: &str) -> Result<HashSet<i64>> {
        let mut out = HashSet::new();
        // Order numbers: a prefix range per shop uses the (shop_id, order_no) index.
        if text.chars().count() >= 4 {
            let mut stmt = self.conn.prepare_cached(
                "SELECT customer_id FROM orders WHERE shop_id = ?1 AND order_no >= ?2 AND order_no < ?3
                 AND customer_id IS NOT NULL LIMIT 1000",
            )?;
            let upper = format!("{text}\u{10FFFF}");
            let shops: Vec<i64> = self
                .conn
                .prepare_cached("SELECT id FROM shops")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for shop in shops {
                for id in stmt.query_map(rusqlite::params![shop, text, upper], |r| r.get::<_, i64>(0))? {
                    out.insert(id?);
                }
            }
        }
        let mut stmt = self.conn.prepare_cached("SELECT customer_id FROM notes WHERE body LIKE ?1 ESCAPE '\\'")?;
        for id in stmt.query_map([like_pattern(text)], |r| r.get::<_, i64>(0))? {
            out.insert(id?);
        }
        Ok(out)
    }

    /// The query's search, with the customers its text finds outside the roster.
    fn search_of(&self, q: &CustomerQuery) -> Result<Option<Search>> {
        match q.search.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => Ok(Some(Search::new(t, self.search_elsewhere(t)?))),
            None => Ok(None),
        }
    }

    /// The predicate of a query: its platform, filter and segment together.
    fn query_predicate(&self, snap: &RosterSnapshot, q: &CustomerQuery, today: NaiveDate) -> Result<Predicate> {
        let mut rules = Vec::new();
        if let Some(p) = q.platform {
            rules.push(Rule::Condition(Condition {
                field: Field::Platform,
                op: Op::Eq,
                values: vec![p.as_str().to_owned()],
            }));
        }
        if let Some(f) = &q.filter {
            rules.push(Rule::Group(f.clone()));
        }
        if let Some(id) = q.segment_id {
            rules.push(Rule::Group(self.segment(&id.to_string())?.filter));
        }
        self.compile_filter(&Filter { rules, ..Filter::default() }, today, &snap.tags, &snap.shops)
    }

    /// One page of the customer list over `snap` (see [`Store::roster`]).
    pub fn customer_page_in(&self, snap: &RosterSnapshot, q: &CustomerQuery, today: NaiveDate) -> Result<CustomerPage> {
        self.select_rows(snap, q, today, q.limit.min(MAX_PAGE))
    }

    /// The customers a query selects from `q.offset`, at most `limit` of them.
    pub(crate) fn select_rows(
        &self,
        snap: &RosterSnapshot,
        q: &CustomerQuery,
        today: NaiveDate,
        limit: u32,
    ) -> Result<CustomerPage> {
        let predicate = self.query_predicate(snap, q, today)?;
        let search = self.search_of(q)?;
        let page = snap.roster.select(&predicate, search.as_ref(), &q.sort_keys(), q.offset as usize, limit as usize);
        Ok(CustomerPage { total: page.total, customers: rows_at(&self.conn, snap, &page.rows)? })
    }

    /// Every customer a query asks for from `q.offset` on, up to `q.limit`
    /// however large (the command line: a script asking for 100,000 rows gets
    /// them, not the app's page of 500), building the roster for this call.
    pub fn customer_rows(&self, q: &CustomerQuery, today: NaiveDate) -> Result<CustomerPage> {
        self.select_rows(&self.roster()?, q, today, q.limit)
    }

    /// One page of the customer list, building the roster for this call.
    pub fn customer_page(&self, q: &CustomerQuery, today: NaiveDate) -> Result<CustomerPage> {
        self.customer_page_in(&self.roster()?, q, today)
    }

    /// How many customers `filter` holds now.
    pub fn count_in(&self, snap: &RosterSnapshot, filter: &Filter, today: NaiveDate) -> Result<SegmentCount> {
        let predicate = self.compile_filter(filter, today, &snap.tags, &snap.shops)?;
        Ok(SegmentCount { customers: snap.roster.count(&predicate), of: snap.roster.facts().len() as u32 })
    }

    /// Every customer id a query matches (all pages), for bulk actions.
    pub fn customer_ids_in(&self, snap: &RosterSnapshot, q: &CustomerQuery, today: NaiveDate) -> Result<Vec<i64>> {
        let predicate = self.query_predicate(snap, q, today)?;
        let search = self.search_of(q)?;
        Ok(snap.roster.ids(&predicate, search.as_ref()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use laoke_core::dto::DemoRequest;
    use laoke_core::Platform;
    use rust_decimal::Decimal;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

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
        let first = store.customer_page(&q, today()).unwrap();
        let second = store.customer_page(&CustomerQuery { offset: 100, ..q.clone() }, today()).unwrap();
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
        let shopify = store
            .customer_page(&CustomerQuery { platform: Some(Platform::Shopify), ..Default::default() }, today())
            .unwrap();
        assert!(shopify.total > 0 && shopify.total < 800);
        assert!(shopify.customers.iter().all(|c| c.platform == Platform::Shopify));

        let someone = store
            .customer_page(&CustomerQuery { limit: 1, ..Default::default() }, today())
            .unwrap()
            .customers
            .remove(0);
        let found = store
            .customer_page(&CustomerQuery { search: Some(someone.buyer_id.clone()), ..Default::default() }, today())
            .unwrap();
        assert_eq!(found.total, 1);
        assert_eq!(found.customers[0].id, someone.id);

        store.tag_customer(someone.id, "老客", laoke_core::time::from_stored("2026-11-22T00:00:00Z").unwrap()).unwrap();
        let again = store
            .customer_page(&CustomerQuery { search: Some(someone.buyer_id), ..Default::default() }, today())
            .unwrap();
        assert_eq!(again.customers[0].tags, ["老客"]);
    }

    #[test]
    fn wildcards_in_search_text_are_literal() {
        let store = demo_store();
        for text in ["%", "\\", "' OR 1=1 --"] {
            let page = store
                .customer_page(&CustomerQuery { search: Some(text.into()), ..Default::default() }, today())
                .unwrap();
            assert_eq!(page.total, 0, "{text:?} matches nothing literally");
        }
        // Some demo nicks (tb_茶友…) really contain an underscore; only those match.
        let page = store
            .customer_page(&CustomerQuery { search: Some("_".into()), limit: 500, ..Default::default() }, today())
            .unwrap();
        assert!(page.total > 0 && page.total < 800);
        assert!(page.customers.iter().all(|c| [&c.nick, &c.buyer_id].iter().any(|s| s.contains('_'))));
    }

    #[test]
    fn chinese_search_finds_chinese_nicks() {
        let store = demo_store();
        let page = store
            .customer_page(&CustomerQuery { search: Some("江南".into()), limit: 500, ..Default::default() }, today())
            .unwrap();
        assert!(page.total > 0);
        assert!(page.customers.iter().all(|c| c.nick.contains("江南")));
    }
}

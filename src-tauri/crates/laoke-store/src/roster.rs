//! Building the in-memory roster (laoke_core::segment::Roster) from the
//! archive: customers with their scores, tag ids and shop ids, in one pass each. The
//! roster is stamped with the archive's generation so that a caller holding
//! one (the app) knows when to build it again.

use crate::{Result, Store};
use laoke_core::segment::{CustomerFacts, Roster};
use laoke_core::time::stored_seconds;
use laoke_core::Platform;
use std::collections::HashMap;

/// A roster and the archive generation it was built from.
pub struct RosterSnapshot {
    pub roster: Roster,
    pub generation: i64,
    /// Tag name → id, for compiling filters against this roster.
    pub tags: HashMap<String, u32>,
    /// Shop name → the ids of the shops of that name, likewise.
    pub shops: HashMap<String, Vec<u32>>,
    /// Shop id → name, for the list's rows.
    pub shop_names: HashMap<u32, String>,
}

fn boxed(s: Option<String>) -> Option<Box<str>> {
    s.filter(|s| !s.is_empty()).map(String::into_boxed_str)
}

impl Store {
    /// Runs `f` over `roster`, or over one built for this call when there is none
    /// (the app passes its cached roster; the CLI has none).
    pub(crate) fn over_roster<T>(
        &self,
        roster: Option<&RosterSnapshot>,
        f: impl FnOnce(&RosterSnapshot) -> Result<T>,
    ) -> Result<T> {
        match roster {
            Some(snap) => f(snap),
            None => f(&self.roster()?),
        }
    }

    pub fn roster(&self) -> Result<RosterSnapshot> {
        let generation = self.generation()?;
        let mut tags_of: HashMap<i64, Vec<u32>> = HashMap::new();
        let mut stmt = self.conn.prepare("SELECT customer_id, tag_id FROM customer_tags")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            tags_of.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let mut tags = HashMap::new();
        let mut stmt = self.conn.prepare("SELECT name, id FROM tags")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            tags.insert(r.get(0)?, r.get(1)?);
        }
        let CustomerShops { by_name: shops, names: shop_names, only_shop, of: mut shops_of } = self.customer_shops()?;
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.platform, c.buyer_id, c.nick, c.name, c.phone, c.email, c.province, c.city, c.gender,
                    c.value, c.purchases, c.orders_count, c.first_purchase_at, c.last_purchase_at, c.first_order_at,
                    c.last_order_at, c.birthday, c.dnd, s.stage, s.rfm_r, s.rfm_f, s.rfm_m, t.tier,
                    fc.p_alive, fc.expected_90d, fc.clv
             FROM customers c LEFT JOIN customer_scores s ON s.customer_id = c.id
             LEFT JOIN customer_tiers t ON t.customer_id = c.id
             LEFT JOIN customer_forecasts fc ON fc.customer_id = c.id
             WHERE c.merged_into IS NULL",
        )?;
        let mut rows = stmt.query([])?;
        let mut facts = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let text = |i: usize| -> rusqlite::Result<Option<String>> { r.get(i) };
            let seconds = |i: usize| -> rusqlite::Result<Option<i64>> {
                Ok(r.get_ref(i)?.as_str_or_null()?.and_then(stored_seconds))
            };
            let buyer_id: String = r.get(2)?;
            let nick: String = r.get(3)?;
            let mut haystack = format!("{nick}\n{buyer_id}");
            for i in 4..=6 {
                if let Some(t) = text(i)? {
                    haystack.push('\n');
                    haystack.push_str(&t);
                }
            }
            let rfm = crate::customer_scores::rfm_at(r, 20)?;
            let birthday = text(17)?;
            let platform: Option<Platform> = r.get_ref(1)?.as_str()?.parse().ok();
            let orders: u32 = r.get(12)?;
            let mut shops = shops_of.remove(&id).unwrap_or_default();
            if let Some(only) = platform.and_then(|p| only_shop.get(&p)).filter(|_| orders > 0) {
                if !shops.contains(only) {
                    shops.push(*only);
                    shops.sort_unstable();
                }
            }
            facts.push(CustomerFacts {
                id,
                platform,
                buyer_id: buyer_id.into(),
                nick: nick.into(),
                haystack: haystack.to_lowercase().into(),
                province: boxed(text(7)?),
                city: boxed(text(8)?),
                gender: text(9)?.and_then(|g| g.chars().next()),
                tier: boxed(text(23)?),
                stage: r.get_ref(19)?.as_str_or_null()?.and_then(|s| s.parse().ok()),
                rfm,
                value: crate::stored_values::decimal(r, 10, "customers", "value")?,
                purchases: r.get(11)?,
                orders,
                first_purchase: seconds(13)?,
                last_purchase: seconds(14)?,
                first_order: seconds(15)?,
                last_order: seconds(16)?,
                birthday_month: birthday.as_deref().and_then(|b| b.get(5..7)).and_then(|m| m.parse().ok()),
                dnd: r.get::<_, i64>(18)? != 0,
                tags: tags_of.remove(&id).unwrap_or_default().into(),
                shops: shops.into(),
                forecast: crate::customer_forecasts::forecast_at(r, 24)?,
            });
        }
        Ok(RosterSnapshot { roster: Roster::new(facts), generation, tags, shops, shop_names })
    }

    /// The shops by name and by id, and the shops each customer ordered in
    /// that the roster's own pass over the customers cannot tell. Most sellers
    /// have one shop per platform: a customer's shop is then their platform's,
    /// which the roster adds itself; only the customers merged into others
    /// (few, read through their partial index) and the platforms with several
    /// shops (read from the orders) are gathered here.
    fn customer_shops(&self) -> Result<CustomerShops> {
        let all = crate::shops::all(&self.conn)?;
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
        let mut per_platform: HashMap<Platform, Vec<u32>> = HashMap::new();
        for s in &all {
            by_name.entry(s.name.clone()).or_default().push(s.id as u32);
            per_platform.entry(s.platform).or_default().push(s.id as u32);
        }
        let only_shop: HashMap<Platform, u32> = per_platform
            .iter()
            .filter_map(|(p, ids)| match ids.as_slice() {
                [only] => Some((*p, *only)),
                _ => None,
            })
            .collect();
        let mut of: HashMap<i64, Vec<u32>> = HashMap::new();
        let mut root: HashMap<i64, i64> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT id, platform, merged_into, orders_count FROM customers WHERE merged_into IS NOT NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, into): (i64, i64) = (r.get(0)?, r.get(2)?);
            root.insert(id, into);
            let platform: Option<Platform> = r.get_ref(1)?.as_str()?.parse().ok();
            if let Some(only) = platform.and_then(|p| only_shop.get(&p)) {
                if r.get::<_, i64>(3)? > 0 {
                    of.entry(into).or_default().push(*only);
                }
            }
        }
        let several: Vec<&str> =
            per_platform.iter().filter(|(_, ids)| ids.len() > 1).map(|(p, _)| p.as_str()).collect();
        for platform in several {
            let mut stmt = self.conn.prepare_cached(
                "SELECT DISTINCT customer_id, shop_id FROM orders WHERE platform = ?1 AND customer_id IS NOT NULL",
            )?;
            let mut rows = stmt.query([platform])?;
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                of.entry(*root.get(&id).unwrap_or(&id)).or_default().push(r.get(1)?);
            }
        }
        for ids in of.values_mut() {
            ids.sort_unstable();
            ids.dedup();
        }
        let names = all.into_iter().map(|s| (s.id as u32, s.name)).collect();
        Ok(CustomerShops { by_name, names, only_shop, of })
    }
}

/// What [`Store::customer_shops`] gathers for the roster.
struct CustomerShops {
    by_name: HashMap<String, Vec<u32>>,
    names: HashMap<u32, String>,
    /// The shop of each platform that has exactly one.
    only_shop: HashMap<Platform, u32>,
    /// The shops of customers others were merged into and of customers on
    /// platforms with several shops (sorted, without repeats).
    of: HashMap<i64, Vec<u32>>,
}

//! The roster: every customer's filterable facts, held in memory so that any
//! filter, search and sort over 300,000 customers answers in milliseconds.
//! SQLite indexes serve one filter and one sort well, but the list combines any
//! filter with any sort and any page, and segments combine any fields with
//! AND/OR; a scan of compact facts does all of that in a few milliseconds, and
//! a page only needs the `offset + limit` best rows put in order
//! (`select_nth_unstable`), never a full sort.

use super::compile::Predicate;
use super::filter::Field;
use crate::lifecycle::Stage;
use crate::rfm::{RfmGroup, RfmScore};
use crate::Platform;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashSet;
use ts_rs::TS;

/// Rosters at least this large are scanned on several threads.
const PARALLEL_FROM: usize = 50_000;

/// One customer as the roster sees it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CustomerFacts {
    pub id: i64,
    pub platform: Option<Platform>,
    pub buyer_id: Box<str>,
    pub nick: Box<str>,
    /// Lowercased nick, buyer id, name, phone and email, for search.
    pub haystack: Box<str>,
    pub province: Option<Box<str>>,
    pub city: Option<Box<str>>,
    pub gender: Option<char>,
    pub tier: Option<Box<str>>,
    pub stage: Option<Stage>,
    pub rfm: Option<RfmScore>,
    pub value: Decimal,
    pub purchases: u32,
    pub orders: u32,
    /// Instants as Unix seconds.
    pub first_purchase: Option<i64>,
    pub last_purchase: Option<i64>,
    pub first_order: Option<i64>,
    pub last_order: Option<i64>,
    pub birthday_month: Option<u8>,
    pub dnd: bool,
    pub tags: Box<[u32]>,
    /// The shops (ids) the customer has ordered in.
    pub shops: Box<[u32]>,
    /// What the prediction models expect of a buyer, as of the day the archive
    /// rules last ran; `None` for a customer without a purchase.
    pub forecast: Option<Forecast>,
}

/// A buyer's forecast as the list filters and sorts it ([`crate::predict`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Forecast {
    /// 4 places.
    pub p_alive: Decimal,
    /// 4 places.
    pub expected_90d: Decimal,
    /// 2 places.
    pub clv: Decimal,
}

impl CustomerFacts {
    /// The nick lowercased (the haystack's first line).
    pub(crate) fn nick_lower(&self) -> &str {
        self.haystack.split('\n').next().unwrap_or("")
    }

    pub(crate) fn text(&self, field: Field) -> Option<Cow<'_, str>> {
        Some(match field {
            Field::Platform => Cow::Borrowed(self.platform?.as_str()),
            Field::Nick => Cow::Borrowed(&self.nick),
            Field::Stage => Cow::Borrowed(self.stage?.as_str()),
            Field::Rfm => Cow::Borrowed(RfmGroup::of(self.rfm?).as_str()),
            Field::Tier => Cow::Borrowed(self.tier.as_deref()?),
            Field::Province => Cow::Borrowed(self.province.as_deref()?),
            Field::City => Cow::Borrowed(self.city.as_deref()?),
            Field::Gender => Cow::Owned(self.gender?.to_string()),
            _ => return None,
        })
    }

    /// The ids a customer carries for a field of named sets (tags, shops).
    pub(crate) fn labels(&self, field: Field) -> &[u32] {
        match field {
            Field::Tag => &self.tags,
            Field::Shop => &self.shops,
            _ => &[],
        }
    }

    /// The position of a fixed-vocabulary value in its `ALL` list.
    pub(crate) fn code(&self, field: Field) -> Option<u32> {
        // The `ALL` lists are in declaration order, so the discriminant is the position.
        match field {
            Field::Platform => self.platform.map(|p| p as u32),
            Field::Stage => self.stage.map(|s| s as u32),
            Field::Rfm => self.rfm.map(|s| RfmGroup::of(s) as u32),
            _ => None,
        }
    }

    pub(crate) fn number(&self, field: Field) -> Option<Decimal> {
        Some(match field {
            Field::Value => self.value,
            Field::Purchases => self.purchases.into(),
            Field::Orders => self.orders.into(),
            Field::RfmR => self.rfm?.r.into(),
            Field::RfmF => self.rfm?.f.into(),
            Field::RfmM => self.rfm?.m.into(),
            Field::BirthdayMonth => self.birthday_month?.into(),
            Field::PAlive => self.forecast?.p_alive,
            Field::Expected90d => self.forecast?.expected_90d,
            Field::Clv => self.forecast?.clv,
            _ => return None,
        })
    }

    pub(crate) fn instant(&self, field: Field) -> Option<i64> {
        match field {
            Field::FirstPurchase => self.first_purchase,
            Field::LastPurchase => self.last_purchase,
            Field::FirstOrder => self.first_order,
            Field::LastOrder => self.last_order,
            _ => None,
        }
    }

    pub(crate) fn is_set(&self, field: Field) -> bool {
        match field {
            Field::Tag | Field::Shop => !self.labels(field).is_empty(),
            Field::Dnd => self.dnd,
            // Set when there is any purchase day at all.
            Field::BoughtOn => self.purchases > 0,
            f => self.text(f).is_some() || self.number(f).is_some() || self.instant(f).is_some(),
        }
    }
}

/// The fields a list can be sorted by: every column of a customer row.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    TS,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SortField {
    Id,
    Platform,
    BuyerId,
    Nick,
    Purchases,
    Orders,
    #[default]
    Value,
    FirstPurchase,
    LastPurchase,
    Stage,
    /// By R, then F, then M.
    Rfm,
    Tier,
    /// By how many tags.
    Tags,
    PAlive,
    #[serde(rename = "expected_90d")]
    #[strum(serialize = "expected_90d")]
    Expected90d,
    Clv,
}

impl SortField {
    pub const ALL: [SortField; 16] = [
        SortField::Id,
        SortField::Platform,
        SortField::BuyerId,
        SortField::Nick,
        SortField::Purchases,
        SortField::Orders,
        SortField::Value,
        SortField::FirstPurchase,
        SortField::LastPurchase,
        SortField::Stage,
        SortField::Rfm,
        SortField::Tier,
        SortField::Tags,
        SortField::PAlive,
        SortField::Expected90d,
        SortField::Clv,
    ];

    pub fn as_str(self) -> &'static str {
        // The spelling is strum's snake case of the variant, as serde's is.
        self.into()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SortKey {
    pub field: SortField,
    pub desc: bool,
}

fn compare(a: &CustomerFacts, b: &CustomerFacts, field: SortField) -> Ordering {
    // Missing values sort before any value (so last in a descending list).
    match field {
        SortField::Id => a.id.cmp(&b.id),
        SortField::Platform => a.platform.map(Platform::as_str).cmp(&b.platform.map(Platform::as_str)),
        SortField::BuyerId => a.buyer_id.cmp(&b.buyer_id),
        SortField::Nick => a.nick.cmp(&b.nick),
        SortField::Purchases => a.purchases.cmp(&b.purchases),
        SortField::Orders => a.orders.cmp(&b.orders),
        SortField::Value => a.value.cmp(&b.value),
        SortField::FirstPurchase => a.first_purchase.cmp(&b.first_purchase),
        SortField::LastPurchase => a.last_purchase.cmp(&b.last_purchase),
        SortField::Stage => a.stage.cmp(&b.stage),
        SortField::Rfm => a.rfm.map(|s| (s.r, s.f, s.m)).cmp(&b.rfm.map(|s| (s.r, s.f, s.m))),
        SortField::Tier => a.tier.cmp(&b.tier),
        SortField::Tags => a.tags.len().cmp(&b.tags.len()),
        SortField::PAlive => a.forecast.map(|f| f.p_alive).cmp(&b.forecast.map(|f| f.p_alive)),
        SortField::Expected90d => a.forecast.map(|f| f.expected_90d).cmp(&b.forecast.map(|f| f.expected_90d)),
        SortField::Clv => a.forecast.map(|f| f.clv).cmp(&b.forecast.map(|f| f.clv)),
    }
}

/// Who matches a search: the text in the roster's haystack, or one of the
/// customers the store found by order number or note text.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// Lowercased.
    pub text: String,
    pub also: HashSet<i64>,
}

impl Search {
    pub fn new(text: &str, also: HashSet<i64>) -> Search {
        Search { text: text.trim().to_lowercase(), also }
    }

    fn matches(&self, c: &CustomerFacts) -> bool {
        c.haystack.contains(self.text.as_str()) || self.also.contains(&c.id)
    }
}

/// The whole archive's facts, in id order.
#[derive(Debug, Default)]
pub struct Roster {
    facts: Vec<CustomerFacts>,
    /// Per sort field, each customer's rank in that field's order (equal values,
    /// equal ranks), computed on first use. Sorting a page then compares packed
    /// integers in one contiguous array instead of chasing 300,000 structs
    /// around memory, which was most of a query's time.
    ranks: [std::sync::OnceLock<Vec<u32>>; SortField::ALL.len()],
}

/// One page of a selection: how many matched, and the page's customers in order
/// (as ids, and as positions in the roster's facts).
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub total: u32,
    pub ids: Vec<i64>,
    pub rows: Vec<usize>,
}

impl Roster {
    pub fn new(mut facts: Vec<CustomerFacts>) -> Roster {
        facts.sort_unstable_by_key(|f| f.id);
        Roster { facts, ranks: Default::default() }
    }

    pub fn facts(&self) -> &[CustomerFacts] {
        &self.facts
    }

    /// Where customer `id` sits in [`Roster::facts`].
    pub fn position(&self, id: i64) -> Option<usize> {
        self.facts.binary_search_by_key(&id, |f| f.id).ok()
    }

    fn ranks(&self, field: SortField) -> &[u32] {
        let slot = SortField::ALL.iter().position(|f| *f == field).unwrap_or(0);
        self.ranks[slot].get_or_init(|| {
            let mut order: Vec<u32> = (0..self.facts.len() as u32).collect();
            order.sort_by(|&a, &b| compare(&self.facts[a as usize], &self.facts[b as usize], field));
            let mut ranks = vec![0u32; self.facts.len()];
            let mut rank = 0;
            for (k, &i) in order.iter().enumerate() {
                if k > 0 && compare(&self.facts[order[k - 1] as usize], &self.facts[i as usize], field).is_ne() {
                    rank = k as u32;
                }
                ranks[i as usize] = rank;
            }
            ranks
        })
    }

    /// Computes every sort field's ranks now (the app does this on a background
    /// thread right after building a roster, so the first sort is as fast as the rest).
    pub fn warm(&self) {
        for field in SortField::ALL {
            self.ranks(field);
        }
    }

    /// How many customers match.
    pub fn count(&self, predicate: &Predicate) -> u32 {
        self.matching(predicate, None).len() as u32
    }

    /// Every matching customer id, in roster order (for bulk actions and exports).
    pub fn ids(&self, predicate: &Predicate, search: Option<&Search>) -> Vec<i64> {
        self.matching(predicate, search).into_iter().map(|i| self.facts[i as usize].id).collect()
    }

    fn matching(&self, predicate: &Predicate, search: Option<&Search>) -> Vec<u32> {
        let scan = |from: usize, facts: &[CustomerFacts]| -> Vec<u32> {
            facts
                .iter()
                .enumerate()
                .filter(|(_, c)| search.is_none_or(|s| s.matches(c)) && predicate.matches(c))
                .map(|(i, _)| (from + i) as u32)
                .collect()
        };
        // A large roster is scanned in parallel slices (one per core, at most four);
        // the slices are in order, so the hits stay in roster order.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
        if self.facts.len() < PARALLEL_FROM || threads < 2 {
            return scan(0, &self.facts);
        }
        let size = self.facts.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let parts: Vec<_> = self
                .facts
                .chunks(size)
                .enumerate()
                .map(|(k, chunk)| scope.spawn(move || scan(k * size, chunk)))
                .collect();
            parts.into_iter().flat_map(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
        })
    }

    /// The page `offset .. offset + limit` of the matching customers in `sort`
    /// order; the id breaks every tie, so pages never overlap or skip.
    pub fn select(
        &self,
        predicate: &Predicate,
        search: Option<&Search>,
        sort: &[SortKey],
        offset: usize,
        limit: usize,
    ) -> Selection {
        let hits = self.matching(predicate, search);
        let total = hits.len() as u32;
        if offset >= hits.len() || limit == 0 {
            return Selection { total, ids: Vec::new(), rows: Vec::new() };
        }
        let end = (offset + limit).min(hits.len());
        // Up to three keys pack into one u128 with the roster position last (ids
        // ascend with positions, so it breaks ties like the id does); more keys
        // fall back to comparing the facts.
        let rows: Vec<usize> = if sort.len() <= 3 {
            let ranks: Vec<(&[u32], bool)> = sort.iter().map(|k| (self.ranks(k.field), k.desc)).collect();
            let last_desc = sort.last().is_some_and(|k| k.desc);
            let mut keys: Vec<u128> = hits
                .iter()
                .map(|&i| {
                    let mut key = 0u128;
                    for (r, desc) in &ranks {
                        let r = r[i as usize];
                        key = (key << 32) | u128::from(if *desc { u32::MAX - r } else { r });
                    }
                    for _ in ranks.len()..3 {
                        key <<= 32;
                    }
                    (key << 32) | u128::from(if last_desc { u32::MAX - i } else { i })
                })
                .collect();
            page_of(&mut keys, offset, end, Ord::cmp);
            keys[offset..end]
                .iter()
                .map(|k| {
                    let low = (*k & u128::from(u32::MAX)) as u32;
                    (if last_desc { u32::MAX - low } else { low }) as usize
                })
                .collect()
        } else {
            let mut hits = hits;
            let order = |&a: &u32, &b: &u32| {
                let (a, b) = (&self.facts[a as usize], &self.facts[b as usize]);
                let last_desc = sort.last().is_some_and(|k| k.desc);
                sort.iter()
                    .map(|k| if k.desc { compare(b, a, k.field) } else { compare(a, b, k.field) })
                    .find(|o| o.is_ne())
                    .unwrap_or_else(|| if last_desc { b.id.cmp(&a.id) } else { a.id.cmp(&b.id) })
            };
            page_of(&mut hits, offset, end, order);
            hits[offset..end].iter().map(|&i| i as usize).collect()
        };
        Selection { total, ids: rows.iter().map(|&i| self.facts[i].id).collect(), rows }
    }
}

/// Puts the items that belong at `offset .. end` in sorted order there, without
/// sorting the rest.
fn page_of<T>(items: &mut [T], offset: usize, end: usize, mut order: impl FnMut(&T, &T) -> Ordering) {
    if offset > 0 {
        items.select_nth_unstable_by(offset, &mut order);
    }
    let rest = &mut items[offset..];
    if end - offset < rest.len() {
        rest.select_nth_unstable_by(end - offset - 1, &mut order);
    }
    rest[..end - offset].sort_unstable_by(order);
}

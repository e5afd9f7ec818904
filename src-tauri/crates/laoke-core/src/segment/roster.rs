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
}

impl CustomerFacts {
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

    pub(crate) fn number(&self, field: Field) -> Option<Decimal> {
        Some(match field {
            Field::Value => self.value,
            Field::Purchases => self.purchases.into(),
            Field::Orders => self.orders.into(),
            Field::RfmR => self.rfm?.r.into(),
            Field::RfmF => self.rfm?.f.into(),
            Field::RfmM => self.rfm?.m.into(),
            Field::BirthdayMonth => self.birthday_month?.into(),
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
            Field::Tag => !self.tags.is_empty(),
            Field::Dnd => self.dnd,
            f => self.text(f).is_some() || self.number(f).is_some() || self.instant(f).is_some(),
        }
    }
}

/// The fields a list can be sorted by: every column of a customer row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
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
}

impl SortField {
    pub const ALL: [SortField; 13] = [
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
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortField::Id => "id",
            SortField::Platform => "platform",
            SortField::BuyerId => "buyer_id",
            SortField::Nick => "nick",
            SortField::Purchases => "purchases",
            SortField::Orders => "orders",
            SortField::Value => "value",
            SortField::FirstPurchase => "first_purchase",
            SortField::LastPurchase => "last_purchase",
            SortField::Stage => "stage",
            SortField::Rfm => "rfm",
            SortField::Tier => "tier",
            SortField::Tags => "tags",
        }
    }
}

impl std::str::FromStr for SortField {
    type Err = ();
    fn from_str(s: &str) -> Result<SortField, ()> {
        SortField::ALL.into_iter().find(|f| f.as_str() == s).ok_or(())
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

/// The whole archive's facts.
#[derive(Debug, Default)]
pub struct Roster {
    pub facts: Vec<CustomerFacts>,
}

/// One page of a selection: how many matched, and the page's customer ids in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub total: u32,
    pub ids: Vec<i64>,
}

impl Roster {
    /// How many customers match.
    pub fn count(&self, predicate: &Predicate) -> u32 {
        self.facts.iter().filter(|c| predicate.matches(c)).count() as u32
    }

    /// Every matching customer id, in roster order (for bulk actions and exports).
    pub fn ids(&self, predicate: &Predicate, search: Option<&Search>) -> Vec<i64> {
        self.matching(predicate, search).into_iter().map(|i| self.facts[i as usize].id).collect()
    }

    fn matching(&self, predicate: &Predicate, search: Option<&Search>) -> Vec<u32> {
        self.facts
            .iter()
            .enumerate()
            .filter(|(_, c)| search.is_none_or(|s| s.matches(c)) && predicate.matches(c))
            .map(|(i, _)| i as u32)
            .collect()
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
        let mut hits = self.matching(predicate, search);
        let total = hits.len() as u32;
        let order = |&a: &u32, &b: &u32| {
            let (a, b) = (&self.facts[a as usize], &self.facts[b as usize]);
            let last_desc = sort.last().is_some_and(|k| k.desc);
            sort.iter()
                .map(|k| if k.desc { compare(b, a, k.field) } else { compare(a, b, k.field) })
                .find(|o| o.is_ne())
                .unwrap_or_else(|| if last_desc { b.id.cmp(&a.id) } else { a.id.cmp(&b.id) })
        };
        if offset >= hits.len() || limit == 0 {
            return Selection { total, ids: Vec::new() };
        }
        let end = (offset + limit).min(hits.len());
        // Put the page's rows between offset and end, then order only those.
        if offset > 0 {
            hits.select_nth_unstable_by(offset, order);
        }
        let rest = &mut hits[offset..];
        if end - offset < rest.len() {
            rest.select_nth_unstable_by(end - offset - 1, order);
        }
        let page = &mut rest[..end - offset];
        page.sort_unstable_by(order);
        Selection { total, ids: page.iter().map(|&i| self.facts[i as usize].id).collect() }
    }
}

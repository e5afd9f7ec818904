//! Targets: who a care rule, an activity or a coupon plan is for. One target
//! language everywhere (`null` everyone, `{"segment"}`, `{"tier"}`,
//! `{"filter"}`), resolved here into one filter of `laoke customers --filter`,
//! so every feature counts and selects the same customers.

use crate::{Result, Store, StoreError};
use laoke_core::dto::Target;
use laoke_core::segment::{Condition, Field, Filter, Op, Rule};
use std::collections::HashSet;

/// A target that names something the archive does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Missing {
    Segment(String),
    Tier(String),
}

impl Store {
    /// The filter a target stands for; `Ok(Err(…))` when its segment or tier does
    /// not exist (the caller says so in its own domain's code).
    pub(crate) fn target_filter(&self, target: &Target) -> Result<std::result::Result<Filter, Missing>> {
        match target {
            Target::Filter(f) => Ok(Ok(f.clone())),
            Target::Segment(name) => match self.segment(name) {
                Ok(s) => Ok(Ok(s.filter)),
                Err(StoreError::SegmentNotFound { .. }) => Ok(Err(Missing::Segment(name.clone()))),
                Err(e) => Err(e),
            },
            Target::Tier(name) => {
                let (ladder, _) = self.ladder()?;
                if !ladder.tiers.iter().any(|t| t.name == *name) {
                    return Ok(Err(Missing::Tier(name.clone())));
                }
                let only = Condition { field: Field::Tier, op: Op::In, values: vec![name.clone()] };
                Ok(Ok(Filter { rules: vec![Rule::Condition(only)], ..Filter::default() }))
            }
        }
    }

    /// Checks that a target's segment or tier exists and its filter compiles.
    pub(crate) fn check_target(&self, target: &Target) -> Result<std::result::Result<(), Missing>> {
        match self.target_filter(target)? {
            Ok(f) => {
                self.compile_filter(&f, chrono::NaiveDate::default(), &Default::default(), &Default::default())?;
                Ok(Ok(()))
            }
            Err(m) => Ok(Err(m)),
        }
    }

    /// The customers a target holds on `today` (everyone for `None`), from `snap`.
    pub(crate) fn members_of(
        &self,
        snap: &crate::RosterSnapshot,
        target: Option<&Target>,
        today: chrono::NaiveDate,
    ) -> Result<HashSet<i64>> {
        let filter = match target {
            None => Filter::default(),
            Some(t) => match self.target_filter(t)? {
                Ok(f) => f,
                // Deleted after it was saved: it holds no one.
                Err(_) => return Ok(HashSet::new()),
            },
        };
        let predicate = self.compile_filter(&filter, today, &snap.tags, &snap.shops)?;
        Ok(snap.roster.ids(&predicate, None).into_iter().collect())
    }
}

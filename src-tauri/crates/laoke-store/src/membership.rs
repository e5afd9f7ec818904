//! Membership tiers over the archive: each customer's standing in the ladder's
//! window, the what-if preview of a ladder, applying it, the ongoing evaluation
//! after imports (upgrades at once, downgrades only at review time plus grace),
//! pins, and the history.
//!
//! Preview and apply share one function (`assign`), so the counts a preview
//! promises are the counts apply produces.

use crate::tier_changes::{set_tier, TierChange};
use crate::{settings, EditError, Result, Store};
use chrono::NaiveDate;
use laoke_core::dto::{TierChangeReason, TierCount, TierPreview, TierState};
use laoke_core::tier::{TierLadder, TierWindow};
use laoke_core::time::{local_date, stored_seconds};
use rusqlite::{params, OptionalExtension};
use rust_decimal::Decimal;
use std::collections::HashMap;

const LADDER: &str = "tiers.ladder";

/// A customer's standing for the tier rules.
#[derive(Debug, Clone)]
struct Standing {
    id: i64,
    /// Value and purchases in the ladder's window.
    value: Decimal,
    purchases: u32,
    /// Purchase value of the last 12 months (for the discount cost).
    spent_12m: Decimal,
}

/// What the tier rules read from the archive for one window and day: every
/// customer's standing and the tier they hold. A caller that previews many
/// ladders in a row (the slider on the Tiers page) keeps it while the archive's
/// generation stays the same, so a preview is an in-memory pass.
pub struct TierInputs {
    pub window: TierWindow,
    pub today: NaiveDate,
    pub generation: i64,
    standings: Vec<Standing>,
    /// Buyers' values in the window, largest first (for the suggestions), and
    /// customers per tier held now: neither depends on the ladder being previewed.
    values_desc: Vec<Decimal>,
    held_per_tier: HashMap<String, u32>,
    /// `held` in the order of `standings`, so a preview never hashes an id.
    held_row: Vec<Option<Held>>,
}

/// What a customer holds now.
#[derive(Debug, Clone)]
struct Held {
    tier: String,
    pinned: bool,
    downgrade_due: Option<String>,
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl Store {
    /// The saved ladder (the Taobao-compatible default until one is applied).
    pub fn ladder(&self) -> Result<(TierLadder, bool)> {
        let saved = settings::get(&self.conn, LADDER)?.and_then(|v| serde_json::from_value(v).ok());
        Ok(match saved {
            Some(l) => (l, true),
            None => (TierLadder::default(), false),
        })
    }

    fn held(&self) -> Result<HashMap<i64, Held>> {
        let mut stmt = self.conn.prepare("SELECT customer_id, tier, pinned, downgrade_due FROM customer_tiers")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, Held { tier: r.get(1)?, pinned: r.get::<_, i64>(2)? != 0, downgrade_due: r.get(3)? }))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every listed customer's value and purchases in `window` on `today`, folding
    /// merged identities into the customer they were merged into.
    fn tier_standings(&self, window: TierWindow, today: NaiveDate) -> Result<Vec<Standing>> {
        let tz = self.timezone()?;
        let mut out: Vec<Standing> = Vec::new();
        let mut at: HashMap<i64, usize> = HashMap::new();
        let root = crate::persons::persons(&self.conn)?;
        let mut ids: Vec<i64> = root.iter().filter(|(id, person)| id == person).map(|(id, _)| *id).collect();
        ids.sort_unstable();
        for id in ids {
            at.insert(id, out.len());
            out.push(Standing { id, value: Decimal::ZERO, purchases: 0, spent_12m: Decimal::ZERO });
        }
        let start = window.start(today);
        let year_start = TierWindow::Rolling12m.start(today);
        let mut stmt = self.conn.prepare(
            "SELECT customer_id, kind, value, created_at FROM orders
             WHERE customer_id IS NOT NULL AND kind IN ('purchase', 'refund_document')",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let Some(&i) = root.get(&r.get::<_, i64>(0)?).and_then(|c| at.get(c)) else { continue };
            let secs = r.get_ref(3)?.as_str().ok().and_then(stored_seconds);
            let Some(date) = secs.and_then(|s| chrono::DateTime::from_timestamp(s, 0)).map(|t| local_date(t, tz))
            else {
                continue;
            };
            if date > today {
                continue;
            }
            let value = crate::stored_values::decimal(r, 2, "orders", "value")?;
            let purchase = crate::orders::kind_at(r, 1)? == laoke_core::archive::OrderKind::Purchase;
            let s = &mut out[i];
            if start.is_none_or(|st| date >= st) {
                s.value += value;
                s.purchases += u32::from(purchase);
            }
            if purchase && year_start.is_some_and(|st| date >= st) {
                s.spent_12m += value;
            }
        }
        Ok(out)
    }

    /// The tier each customer gets under `ladder` (pins kept when the pinned tier still exists).
    fn assign(ladder: &TierLadder, standings: &[Standing], held: &HashMap<i64, Held>) -> Vec<Option<usize>> {
        let rows: Vec<Option<&Held>> = standings.iter().map(|s| held.get(&s.id)).collect();
        Self::assign_rows(ladder, standings, &rows)
    }

    fn assign_rows(ladder: &TierLadder, standings: &[Standing], held: &[Option<&Held>]) -> Vec<Option<usize>> {
        standings
            .iter()
            .zip(held)
            .map(|(s, h)| match h {
                Some(h) if h.pinned && ladder.tiers.iter().any(|t| t.name == h.tier) => {
                    ladder.tiers.iter().position(|t| t.name == h.tier)
                }
                _ => ladder.tier_of(s.value, s.purchases),
            })
            .collect()
    }

    /// Reads what the tier rules need for `window` on `today`.
    pub fn tier_inputs(&self, window: TierWindow, today: NaiveDate) -> Result<TierInputs> {
        let standings = self.tier_standings(window, today)?;
        let held = self.held()?;
        let mut values_desc: Vec<Decimal> = standings.iter().filter(|s| s.purchases > 0).map(|s| s.value).collect();
        values_desc.sort_unstable_by(|a, b| b.cmp(a));
        let mut held_per_tier: HashMap<String, u32> = HashMap::new();
        for h in held.values() {
            *held_per_tier.entry(h.tier.clone()).or_default() += 1;
        }
        let held_row = standings.iter().map(|s| held.get(&s.id).cloned()).collect();
        Ok(TierInputs {
            window,
            today,
            generation: self.generation()?,
            standings,
            values_desc,
            held_per_tier,
            held_row,
        })
    }

    /// Saves `ladder` and gives every customer the tier the preview showed (one transaction).
    pub fn tier_apply(&mut self, ladder: &TierLadder, today: NaiveDate) -> Result<TierPreview> {
        let preview = self.tier_preview(ladder, today)?;
        let standings = self.tier_standings(ladder.window, today)?;
        let held = self.held()?;
        let after = Self::assign(ladder, &standings, &held);
        let tx = self.conn.transaction()?;
        settings::put(&tx, LADDER, serde_json::to_value(ladder).unwrap_or_default())?;
        for (s, new) in standings.iter().zip(&after) {
            let old = held.get(&s.id);
            let new_name = new.map(|k| ladder.tiers[k].name.as_str());
            if old.map(|h| h.tier.as_str()) == new_name {
                if old.is_some_and(|h| h.downgrade_due.is_some()) {
                    tx.execute("UPDATE customer_tiers SET downgrade_due = NULL WHERE customer_id = ?1", [s.id])?;
                }
                continue;
            }
            let from = old.map(|h| h.tier.as_str());
            let pinned = old.is_some_and(|h| h.pinned);
            let reason = TierChangeReason::Ladder;
            set_tier(&tx, TierChange { customer_id: s.id, from, to: new_name, pinned, on: today, reason })?;
        }
        settings::bump_generation(&tx)?;
        tx.commit()?;
        Ok(preview)
    }

    /// The ongoing rule after purchases and with time: upgrades at once, a
    /// downgrade only once the next review day (plus grace) has come. Returns how
    /// many customers changed tier. Does nothing before a ladder is applied.
    pub fn tier_evaluate(&mut self, today: NaiveDate) -> Result<u32> {
        let (ladder, applied) = self.ladder()?;
        if !applied {
            return Ok(0);
        }
        let standings = self.tier_standings(ladder.window, today)?;
        let held = self.held()?;
        let rank = |name: &str| ladder.tiers.iter().position(|t| t.name == name);
        let tx = self.conn.transaction()?;
        let mut changed = 0;
        for s in &standings {
            let old = held.get(&s.id);
            if old.is_some_and(|h| h.pinned) {
                continue;
            }
            let earned = ladder.tier_of(s.value, s.purchases);
            let now = old.and_then(|h| rank(&h.tier));
            let name = |k: Option<usize>| k.map(|k| ladder.tiers[k].name.as_str());
            if earned > now {
                let (from, to) = (old.map(|h| h.tier.as_str()), name(earned));
                let reason = TierChangeReason::Purchase;
                set_tier(&tx, TierChange { customer_id: s.id, from, to, pinned: false, on: today, reason })?;
                changed += 1;
            } else if earned < now {
                let due = old.and_then(|h| h.downgrade_due.clone());
                match due {
                    Some(d) if d.as_str() <= day(today).as_str() => {
                        let (from, to) = (old.map(|h| h.tier.as_str()), name(earned));
                        let reason = TierChangeReason::Review;
                        set_tier(&tx, TierChange { customer_id: s.id, from, to, pinned: false, on: today, reason })?;
                        changed += 1;
                    }
                    Some(_) => {}
                    None => {
                        let review =
                            ladder.review.next_review(today) + chrono::Duration::days(i64::from(ladder.grace_days));
                        tx.execute(
                            "UPDATE customer_tiers SET downgrade_due = ?2 WHERE customer_id = ?1",
                            params![s.id, day(review)],
                        )?;
                    }
                }
            } else if old.is_some_and(|h| h.downgrade_due.is_some()) {
                tx.execute("UPDATE customer_tiers SET downgrade_due = NULL WHERE customer_id = ?1", [s.id])?;
            }
        }
        if changed > 0 {
            settings::bump_generation(&tx)?;
        }
        tx.commit()?;
        Ok(changed)
    }

    /// Pins a customer to tier `name` by hand (`None` unpins; the rules then decide again).
    pub fn tier_pin(&mut self, customer_id: i64, name: Option<&str>, today: NaiveDate) -> Result<()> {
        let (ladder, _) = self.ladder()?;
        let tx = self.conn.transaction()?;
        let old: Option<String> = tx
            .query_row("SELECT tier FROM customer_tiers WHERE customer_id = ?1", [customer_id], |r| r.get(0))
            .optional()?;
        match name {
            Some(n) => {
                if !ladder.tiers.iter().any(|t| t.name == n) {
                    return Err(EditError::TierNotInLadder { tier: n.to_owned() }.into());
                }
                let reason = TierChangeReason::Manual;
                set_tier(
                    &tx,
                    TierChange { customer_id, from: old.as_deref(), to: Some(n), pinned: true, on: today, reason },
                )?;
            }
            None => {
                tx.execute("UPDATE customer_tiers SET pinned = 0 WHERE customer_id = ?1", [customer_id])?;
            }
        }
        settings::bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }

    pub fn tier_state(&self) -> Result<TierState> {
        let (ladder, applied) = self.ladder()?;
        let held = self.held()?;
        let listed: u32 =
            self.conn.query_row("SELECT count(*) FROM customers WHERE merged_into IS NULL", [], |r| r.get(0))?;
        let tiers: Vec<TierCount> = ladder
            .tiers
            .iter()
            .map(|t| TierCount {
                name: t.name.clone(),
                customers: held.values().filter(|h| h.tier == t.name).count() as u32,
            })
            .collect();
        let with_tier: u32 = tiers.iter().map(|t| t.customers).sum();
        Ok(TierState {
            pinned: held.values().filter(|h| h.pinned).count() as u32,
            no_tier: listed.saturating_sub(with_tier),
            ladder,
            applied,
            tiers,
        })
    }
}

mod movers;
pub use movers::MAX_MOVERS;
mod preview;
#[cfg(test)]
mod tests;

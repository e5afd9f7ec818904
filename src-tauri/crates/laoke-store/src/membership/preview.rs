//! The what-if preview of a ladder: customers per tier now and after, who
//! moves up or down, revenue share and discount cost. `Moves` is the one place
//! that decides where each customer stands before and after, so the preview's
//! counts, the movers list and apply agree.

use super::{Held, TierInputs};
use crate::{Result, Store};
use chrono::NaiveDate;
use laoke_core::dto::{TierOutcome, TierPreview};
use laoke_core::tier::{suggest_min_values, value_scale, TierLadder, TierWindow};
use rust_decimal::Decimal;

/// Steps of the threshold slider (`value_scale` has one more point).
const SCALE_STEPS: usize = 1000;

/// Each customer's tier rank now (in the proposed ladder when it has the name,
/// else in the saved one) and after, in the order of the inputs' standings.
pub(super) struct Moves {
    pub now: Vec<Option<usize>>,
    pub after: Vec<Option<usize>>,
}

impl Moves {
    pub fn of(ladder: &TierLadder, saved: &TierLadder, inputs: &TierInputs) -> Moves {
        let rows: Vec<Option<&Held>> = inputs.held_row.iter().map(Option::as_ref).collect();
        let after = Store::assign_rows(ladder, &inputs.standings, &rows);
        let now = rows
            .iter()
            .map(|h| {
                let name = &(*h)?.tier;
                let rank = |l: &TierLadder| l.tiers.iter().position(|t| &t.name == name);
                rank(ladder).or_else(|| rank(saved))
            })
            .collect();
        Moves { now, after }
    }
}

impl Store {
    /// What `ladder` would do today, saving nothing.
    pub fn tier_preview(&self, ladder: &TierLadder, today: NaiveDate) -> Result<TierPreview> {
        ladder.validate()?;
        self.tier_preview_in(ladder, &self.tier_inputs(ladder.window, today)?)
    }

    /// [`Store::tier_preview`] over inputs read before (they must be for the ladder's window).
    pub fn tier_preview_in(&self, ladder: &TierLadder, inputs: &TierInputs) -> Result<TierPreview> {
        ladder.validate()?;
        if inputs.window != ladder.window {
            return self.tier_preview(ladder, inputs.today);
        }
        let standings = &inputs.standings;
        let (saved, _) = self.ladder()?;
        let moves = Moves::of(ladder, &saved, inputs);
        let total_value: Decimal = standings.iter().map(|s| s.value).sum();
        let mut tiers: Vec<TierOutcome> = ladder
            .tiers
            .iter()
            .map(|t| TierOutcome {
                name: t.name.clone(),
                customers: 0,
                customers_now: inputs.held_per_tier.get(&t.name).copied().unwrap_or(0),
                moved_up: 0,
                moved_down: 0,
                revenue_share: Decimal::ZERO,
                discount_cost: Decimal::ZERO,
            })
            .collect();
        let mut value_of = vec![Decimal::ZERO; tiers.len()];
        // Spent per tier, multiplied by the tier's discount once at the end.
        let mut spent_of = vec![Decimal::ZERO; tiers.len()];
        let (mut no_tier, mut dropped) = (0, 0);
        for ((s, new), old) in standings.iter().zip(&moves.after).zip(&moves.now) {
            let Some(k) = *new else {
                no_tier += 1;
                dropped += u32::from(old.is_some());
                continue;
            };
            let o = &mut tiers[k];
            o.customers += 1;
            match *old {
                None => o.moved_up += 1,
                Some(r) if r < k => o.moved_up += 1,
                Some(r) if r > k => o.moved_down += 1,
                _ => {}
            }
            value_of[k] += s.value;
            spent_of[k] += s.spent_12m;
        }
        for ((o, spent), t) in tiers.iter_mut().zip(&spent_of).zip(&ladder.tiers) {
            o.discount_cost = *spent * (Decimal::ONE - t.discount);
        }
        for (o, v) in tiers.iter_mut().zip(value_of) {
            o.revenue_share = if total_value > Decimal::ZERO { (v / total_value).round_dp(4) } else { Decimal::ZERO };
            o.discount_cost = o.discount_cost.round_dp(2);
        }
        Ok(TierPreview {
            as_of: super::day(inputs.today),
            tiers,
            no_tier,
            no_tier_now: inputs.held_row.iter().filter(|h| h.is_none()).count() as u32,
            dropped,
            suggested_min_values: suggest_min_values(&inputs.values_desc, ladder.tiers.len()),
        })
    }

    /// The threshold slider's points for `window` (see [`value_scale`]).
    pub fn tier_value_scale(&self, window: TierWindow, today: NaiveDate) -> Result<Vec<Decimal>> {
        Ok(Self::tier_value_scale_in(&self.tier_inputs(window, today)?))
    }

    pub fn tier_value_scale_in(inputs: &TierInputs) -> Vec<Decimal> {
        value_scale(&inputs.values_desc, SCALE_STEPS)
    }
}

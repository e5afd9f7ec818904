//! The customers a proposed ladder would move, for the list the preview opens:
//! up into a tier, down (to a lower tier or to none) or dropping to no tier,
//! largest value in the window first.

use super::preview::Moves;
use super::TierInputs;
use crate::stored_values::parsed;
use crate::EditError;
use crate::{Result, Store};
use laoke_core::dto::{MoveDirection, TierMove, TierMoverQuery, TierMoves};
use laoke_core::tier::TierLadder;

/// The most customers one call lists (the UI pages within these).
/// The most movers one query lists (the app shows 200; the CLI refuses more).
pub const MAX_MOVERS: u32 = 1000;

impl Store {
    /// Who `ladder` would move, per `query`, over inputs read before.
    pub fn tier_movers_in(
        &self,
        ladder: &TierLadder,
        inputs: &TierInputs,
        query: &TierMoverQuery,
    ) -> Result<TierMoves> {
        ladder.validate()?;
        if inputs.window != ladder.window {
            return self.tier_movers_in(ladder, &self.tier_inputs(ladder.window, inputs.today)?, query);
        }
        let into = match &query.tier {
            Some(name) => Some(
                ladder
                    .tiers
                    .iter()
                    .position(|t| &t.name == name)
                    .ok_or_else(|| EditError::TierNotInLadder { tier: name.to_owned() })?,
            ),
            None => None,
        };
        let (saved, _) = self.ladder()?;
        let moves = Moves::of(ladder, &saved, inputs);
        let mut rows: Vec<usize> = (0..inputs.standings.len())
            .filter(|&i| {
                let (old, new) = (moves.now[i], moves.after[i]);
                let moved = match query.direction {
                    MoveDirection::Up => new > old,
                    MoveDirection::Down => new < old,
                    MoveDirection::Dropped => new.is_none() && old.is_some(),
                };
                moved && into.is_none_or(|k| new == Some(k))
            })
            .collect();
        let total = rows.len() as u32;
        let limit = query.limit.min(MAX_MOVERS) as usize;
        let standings = &inputs.standings;
        rows.sort_unstable_by(|&a, &b| {
            standings[b].value.cmp(&standings[a].value).then(standings[a].id.cmp(&standings[b].id))
        });
        rows.truncate(limit);
        let name = |k: Option<usize>| k.map(|k| ladder.tiers[k].name.clone());
        let held = |i: usize| inputs.held_row[i].as_ref().map(|h| h.tier.clone());
        let mut stmt = self.conn.prepare_cached("SELECT platform, buyer_id, nick FROM customers WHERE id = ?1")?;
        let customers = rows
            .into_iter()
            .map(|i| {
                let s = &standings[i];
                let mut rows = stmt.query([s.id])?;
                let r = rows.next()?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
                let (platform, buyer_id, nick) = (parsed(r, 0, "customers", "platform")?, r.get(1)?, r.get(2)?);
                Ok(TierMove {
                    customer_id: s.id,
                    platform,
                    buyer_id,
                    nick,
                    from: held(i),
                    to: name(moves.after[i]),
                    value: s.value,
                    purchases: s.purchases,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(TierMoves { total, customers })
    }
}

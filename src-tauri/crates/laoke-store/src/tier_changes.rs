//! The `tier_changes` table: every membership tier change (customer, from, to,
//! day, why), written together with the customer's row in `customer_tiers`.
//! Care rules read it as events ("congratulate on an upgrade"); the profile and
//! the Tiers page show it.

use crate::{Result, Store};
use chrono::NaiveDate;
use laoke_core::dto::{TierChangeReason, TierChangeRow, TierChangeView};
use rusqlite::params;

/// A customer's move between tiers (`None`: no tier), on a day, for a reason.
pub(crate) struct TierChange<'a> {
    pub customer_id: i64,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    /// The new tier is pinned by hand (the rules leave it alone).
    pub pinned: bool,
    pub on: NaiveDate,
    pub reason: TierChangeReason,
}

/// Records a tier change and writes the customer's new tier (none deletes it).
pub(crate) fn set_tier(conn: &rusqlite::Connection, m: TierChange<'_>) -> Result<()> {
    let TierChange { customer_id, from, to, pinned, on, reason } = m;
    let on = on.format("%Y-%m-%d").to_string();
    let reason: &str = reason.into();
    match to {
        Some(t) => conn.execute(
            "INSERT INTO customer_tiers (customer_id, tier, since, pinned, downgrade_due) VALUES (?1, ?2, ?3, ?4, NULL)
             ON CONFLICT (customer_id) DO UPDATE SET tier = excluded.tier, since = excluded.since,
                 pinned = excluded.pinned, downgrade_due = NULL",
            params![customer_id, t, on, pinned],
        )?,
        None => conn.execute("DELETE FROM customer_tiers WHERE customer_id = ?1", [customer_id])?,
    };
    if from != to {
        conn.execute(
            "INSERT INTO tier_changes (customer_id, from_tier, to_tier, changed_on, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![customer_id, from, to, on, reason],
        )?;
    }
    Ok(())
}

/// The reason stored in column `idx` (the CHECK constraint admits only the enum's spellings).
fn reason_at(r: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<TierChangeReason> {
    let text = r.get_ref(idx)?.as_str()?;
    text.parse().map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e)))
}

impl Store {
    /// One customer's tier changes, oldest first.
    pub fn tier_history(&self, customer_id: i64) -> Result<Vec<TierChangeView>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT from_tier, to_tier, changed_on, reason FROM tier_changes WHERE customer_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([customer_id], |r| {
            Ok(TierChangeView { from: r.get(0)?, to: r.get(1)?, on: r.get(2)?, reason: reason_at(r, 3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The shop's latest tier changes, newest first. Applying a whole ladder
    /// records one change per moved customer; `skip_ladder` leaves those out so
    /// the day-to-day upgrades, downgrades and pins stay visible.
    pub fn tier_changes_recent(&self, limit: u32, skip_ladder: bool) -> Result<Vec<TierChangeRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.customer_id, c.buyer_id, c.nick, t.from_tier, t.to_tier, t.changed_on, t.reason
             FROM tier_changes t JOIN customers c ON c.id = t.customer_id
             WHERE ?2 = 0 OR t.reason <> ?3
             ORDER BY t.id DESC LIMIT ?1",
        )?;
        let ladder: &str = TierChangeReason::Ladder.into();
        let rows = stmt.query_map(params![limit, skip_ladder, ladder], |r| {
            Ok(TierChangeRow {
                customer_id: r.get(0)?,
                buyer_id: r.get(1)?,
                nick: r.get(2)?,
                from: r.get(3)?,
                to: r.get(4)?,
                on: r.get(5)?,
                reason: reason_at(r, 6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

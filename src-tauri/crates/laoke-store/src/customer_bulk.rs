//! Changes to many customers at once (tag, untag, do-not-disturb): one
//! transaction per bulk change, so it is all or nothing. (The list's export of
//! a selection is `export.rs`.)

use crate::roster::RosterSnapshot;
use crate::{customer_tags, settings, tags, Result, Store};
use chrono::NaiveDate;
use laoke_core::dto::{BulkAction, BulkTarget, CustomerQuery};

/// Exported columns, in order.
impl Store {
    /// The customers a bulk target names: its ids, or all pages of its query.
    pub fn target_ids(&self, snap: &RosterSnapshot, target: &BulkTarget, today: NaiveDate) -> Result<Vec<i64>> {
        match (&target.ids, &target.query) {
            (Some(ids), _) => Ok(ids.clone()),
            (None, Some(q)) => self.customer_ids_in(snap, &CustomerQuery { offset: 0, ..q.clone() }, today),
            (None, None) => Ok(Vec::new()),
        }
    }

    /// Applies `action` to every customer in `ids`; returns how many changed.
    pub fn bulk(&mut self, action: &BulkAction, ids: &[i64], now: chrono::DateTime<chrono::Utc>) -> Result<u32> {
        let now = &laoke_core::time::to_stored(now);
        let tx = self.conn.transaction()?;
        let mut changed = 0u32;
        match action {
            BulkAction::Tag(name) => {
                let tag = tags::ensure(&tx, tags::checked(name)?, now)?;
                for &id in ids {
                    let n = tx.execute(
                        "INSERT OR IGNORE INTO customer_tags (customer_id, tag_id, created_at)
                         SELECT id, ?2, ?3 FROM customers WHERE id = ?1",
                        rusqlite::params![id, tag, now],
                    )?;
                    changed += n as u32;
                }
            }
            BulkAction::Untag(name) => {
                if let Some(tag) = tags::find(&tx, name)? {
                    for &id in ids {
                        changed += u32::from(customer_tags::detach(&tx, id, tag)?);
                    }
                }
            }
            BulkAction::DndOn | BulkAction::DndOff => {
                let on = matches!(action, BulkAction::DndOn);
                let mut stmt =
                    tx.prepare_cached("UPDATE customers SET dnd = ?2, updated_at = ?3 WHERE id = ?1 AND dnd != ?2")?;
                for &id in ids {
                    changed += stmt.execute(rusqlite::params![id, on, now])? as u32;
                }
            }
        }
        settings::bump_generation(&tx)?;
        tx.commit()?;
        Ok(changed)
    }
}

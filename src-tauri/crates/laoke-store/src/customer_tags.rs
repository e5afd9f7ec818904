//! The `customer_tags` table: which customer carries which tag.

use crate::Result;
use rusqlite::{params, Connection};

pub(crate) fn attach(conn: &Connection, customer_id: i64, tag_id: i64, now: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO customer_tags (customer_id, tag_id, created_at) VALUES (?1, ?2, ?3)",
        params![customer_id, tag_id, now],
    )?;
    Ok(())
}

/// A customer's tag names, sorted.
pub(crate) fn names_of(conn: &Connection, customer_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = ?1 ORDER BY t.name",
    )?;
    let names = stmt.query_map([customer_id], |r| r.get::<_, String>(0))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn detach(conn: &Connection, customer_id: i64, tag_id: i64) -> Result<bool> {
    Ok(conn
        .execute("DELETE FROM customer_tags WHERE customer_id = ?1 AND tag_id = ?2", params![customer_id, tag_id])?
        > 0)
}

impl crate::Store {
    /// Puts tag `name` on a customer (creating the tag if needed); idempotent.
    pub fn tag_customer(&mut self, customer_id: i64, name: &str, now: chrono::DateTime<chrono::Utc>) -> Result<()> {
        let now = &laoke_core::time::to_stored(now);
        let name = crate::tags::checked(name)?;
        let tx = self.conn.transaction()?;
        let tag_id = crate::tags::ensure(&tx, name, now)?;
        attach(&tx, customer_id, tag_id, now)?;
        crate::settings::bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

impl crate::Store {
    /// Takes tag `name` off a customer; nothing happens if they do not carry it.
    pub fn untag_customer(&mut self, customer_id: i64, name: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        if let Some(tag_id) = crate::tags::find(&tx, name)? {
            detach(&tx, customer_id, tag_id)?;
            crate::settings::bump_generation(&tx)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Every tag name, for pickers.
    pub fn tag_names(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT name FROM tags ORDER BY name")?;
        let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(names.collect::<rusqlite::Result<_>>()?)
    }
}

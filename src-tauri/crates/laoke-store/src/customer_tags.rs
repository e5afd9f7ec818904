//! The `customer_tags` table: which customer carries which tag.

use crate::Result;
use rusqlite::{params, Connection};
use std::collections::HashMap;

pub(crate) fn attach(conn: &Connection, customer_id: i64, tag_id: i64, now: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO customer_tags (customer_id, tag_id, created_at) VALUES (?1, ?2, ?3)",
        params![customer_id, tag_id, now],
    )?;
    Ok(())
}

/// Tag names per customer for a page of customers, each list sorted by name.
pub(crate) fn names_for(conn: &Connection, customer_ids: &[i64]) -> Result<HashMap<i64, Vec<String>>> {
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = ?1 ORDER BY t.name",
    )?;
    for &id in customer_ids {
        let names = stmt.query_map([id], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        if !names.is_empty() {
            out.insert(id, names);
        }
    }
    Ok(out)
}

impl crate::Store {
    /// Puts tag `name` on a customer (creating the tag if needed); idempotent.
    pub fn tag_customer(&mut self, customer_id: i64, name: &str, now: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let tag_id = crate::tags::ensure(&tx, name, now)?;
        attach(&tx, customer_id, tag_id, now)?;
        tx.commit()?;
        Ok(())
    }
}

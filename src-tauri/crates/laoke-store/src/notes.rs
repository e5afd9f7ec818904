//! The `notes` table: free text the seller writes about a customer.

use crate::Result;
use rusqlite::{params, Connection};

pub(crate) fn add(conn: &Connection, customer_id: i64, body: &str, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO notes (customer_id, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        params![customer_id, body, now],
    )?;
    Ok(conn.last_insert_rowid())
}

impl crate::Store {
    /// Adds a note to a customer's timeline.
    pub fn add_note(&mut self, customer_id: i64, body: &str, now: chrono::DateTime<chrono::Utc>) -> Result<i64> {
        let now = &laoke_core::time::to_stored(now);
        add(&self.conn, customer_id, body, now)
    }
}

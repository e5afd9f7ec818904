//! The `stage_changes` table: the dated history of every customer's stage.

use crate::Result;
use laoke_core::lifecycle::Stage;
use rusqlite::{params, Connection};

pub(crate) fn record(conn: &Connection, customer_id: i64, from: Option<Stage>, to: Stage, on: &str) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO stage_changes (customer_id, from_stage, to_stage, changed_on) VALUES (?1, ?2, ?3, ?4)",
    )?;
    stmt.execute(params![customer_id, from.map(Stage::as_str), to.as_str(), on])?;
    Ok(())
}

/// A customer's stage history, oldest first: (from, to, date).
pub(crate) fn history(conn: &Connection, customer_id: i64) -> Result<Vec<(Option<String>, String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT from_stage, to_stage, changed_on FROM stage_changes WHERE customer_id = ?1 ORDER BY changed_on, id",
    )?;
    let rows = stmt.query_map([customer_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

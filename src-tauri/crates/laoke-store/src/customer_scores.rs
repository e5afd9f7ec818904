//! The `customer_scores` table: each customer's lifecycle stage (since when)
//! and RFM scores, as the archive rules last derived them.

use crate::Result;
use laoke_core::lifecycle::Stage;
use laoke_core::rfm::RfmScore;
use rusqlite::{params, Connection};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Score {
    pub stage: Stage,
    pub stage_since: String,
    pub rfm: Option<RfmScore>,
}

/// The RFM scores in columns `at`, `at + 1`, `at + 2` of a row (r, f, m), if computed.
pub(crate) fn rfm_at(row: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Option<RfmScore>> {
    Ok(match (row.get::<_, Option<u8>>(at)?, row.get::<_, Option<u8>>(at + 1)?, row.get::<_, Option<u8>>(at + 2)?) {
        (Some(r), Some(f), Some(m)) => Some(RfmScore { r, f, m }),
        _ => None,
    })
}

/// Every customer's score.
pub(crate) fn load_all(conn: &Connection) -> Result<HashMap<i64, Score>> {
    let mut stmt = conn.prepare("SELECT customer_id, stage, stage_since, rfm_r, rfm_f, rfm_m FROM customer_scores")?;
    let mut rows = stmt.query([])?;
    let mut out = HashMap::new();
    while let Some(r) = rows.next()? {
        let stage = crate::stored_values::parsed(r, 1, "customer_scores", "stage")?;
        let rfm = rfm_at(r, 3)?;
        out.insert(r.get(0)?, Score { stage, stage_since: r.get(2)?, rfm });
    }
    Ok(out)
}

/// Writes a customer's score.
pub(crate) fn put(conn: &Connection, customer_id: i64, s: &Score) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO customer_scores (customer_id, stage, stage_since, rfm_r, rfm_f, rfm_m)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (customer_id) DO UPDATE SET stage = excluded.stage, stage_since = excluded.stage_since,
             rfm_r = excluded.rfm_r, rfm_f = excluded.rfm_f, rfm_m = excluded.rfm_m",
    )?;
    stmt.execute(params![
        customer_id,
        s.stage.as_str(),
        s.stage_since,
        s.rfm.map(|x| x.r),
        s.rfm.map(|x| x.f),
        s.rfm.map(|x| x.m)
    ])?;
    Ok(())
}

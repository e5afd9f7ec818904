//! The `segments` table: saved filters by name. The filter is stored as the
//! JSON of `laoke_core::segment::Filter`; it is checked when saved, so a
//! stored segment always compiles (unless a later schema narrows a field).

use crate::{settings, EditError, Result, Store, StoreError};

/// The longest segment name, in characters.
pub const NAME_MAX: usize = 60;
use laoke_core::dto::Segment;
use laoke_core::segment::Filter;
use rusqlite::{params, OptionalExtension, Row};

fn read(r: &Row<'_>) -> Result<Segment> {
    let text: String = r.get(2)?;
    let filter = serde_json::from_str(&text).map_err(|_| StoreError::Corrupt {
        table: "segments",
        column: "filter",
        value: text.clone(),
    })?;
    Ok(Segment { id: r.get(0)?, name: r.get(1)?, filter, created_at: r.get(3)?, updated_at: r.get(4)? })
}

const COLUMNS: &str = "id, name, filter, created_at, updated_at";

impl Store {
    pub fn segments(&self) -> Result<Vec<Segment>> {
        let mut stmt = self.conn.prepare(&format!("SELECT {COLUMNS} FROM segments ORDER BY name"))?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(read(r)?);
        }
        Ok(out)
    }

    /// A segment by id, or by name when `key` is not a number.
    pub fn segment(&self, key: &str) -> Result<Segment> {
        let mut stmt =
            self.conn.prepare(&format!("SELECT {COLUMNS} FROM segments WHERE CAST(id AS TEXT) = ?1 OR name = ?1"))?;
        let mut rows = stmt.query([key.trim()])?;
        match rows.next()? {
            Some(r) => read(r),
            None => Err(StoreError::SegmentNotFound { name: key.to_owned() }),
        }
    }

    /// Saves a segment by name (replacing the filter of one with that name).
    pub fn save_segment(&mut self, name: &str, filter: &Filter, now: chrono::DateTime<chrono::Utc>) -> Result<Segment> {
        let now = &laoke_core::time::to_stored(now);
        let name = name.trim();
        if name.is_empty() {
            return Err(EditError::SegmentNameEmpty.into());
        }
        if name.chars().count() > NAME_MAX {
            return Err(EditError::SegmentNameTooLong { max: NAME_MAX }.into());
        }
        // Compiling checks every value now rather than when the segment is used.
        self.compile_filter(filter, chrono::NaiveDate::default(), &Default::default(), &Default::default())?;
        let json = serde_json::to_string(filter).unwrap_or_default();
        let tx = self.conn.transaction()?;
        let existing: Option<i64> =
            tx.query_row("SELECT id FROM segments WHERE name = ?1", [name], |r| r.get(0)).optional()?;
        match existing {
            Some(id) => {
                tx.execute("UPDATE segments SET filter = ?2, updated_at = ?3 WHERE id = ?1", params![id, json, now])?
            }
            None => tx.execute(
                "INSERT INTO segments (name, filter, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                params![name, json, now],
            )?,
        };
        settings::bump_generation(&tx)?;
        tx.commit()?;
        self.segment(name)
    }

    pub fn delete_segment(&mut self, key: &str) -> Result<()> {
        let s = self.segment(key)?;
        self.conn.execute("DELETE FROM segments WHERE id = ?1", [s.id])?;
        Ok(())
    }
}

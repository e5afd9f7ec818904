//! The `tags` table: the user's labels, unique by name regardless of case.

use crate::{EditError, Result};
use rusqlite::{params, Connection, OptionalExtension};

/// The longest tag, in characters.
pub const NAME_MAX: usize = 30;

/// A tag name as stored: trimmed, 1 to [`NAME_MAX`] characters.
pub(crate) fn checked(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::TagEmpty.into());
    }
    if name.chars().count() > NAME_MAX {
        return Err(EditError::TagTooLong { max: NAME_MAX }.into());
    }
    Ok(name)
}

/// The id of tag `name`, if it exists.
pub(crate) fn find(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn.query_row("SELECT id FROM tags WHERE name = ?1", [name.trim()], |r| r.get(0)).optional()?)
}

/// The id of tag `name` (trimmed), created on first use.
pub(crate) fn ensure(conn: &Connection, name: &str, now: &str) -> Result<i64> {
    let name = name.trim();
    let found = conn.query_row("SELECT id FROM tags WHERE name = ?1", [name], |r| r.get(0)).optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    conn.execute("INSERT INTO tags (name, created_at) VALUES (?1, ?2)", params![name, now])?;
    Ok(conn.last_insert_rowid())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn names_are_unique_ignoring_case_and_spaces() {
        let store = Store::open_in_memory().unwrap();
        let a = ensure(&store.conn, "VIP ", "t").unwrap();
        assert_eq!(ensure(&store.conn, "vip", "t").unwrap(), a);
        assert_ne!(ensure(&store.conn, "爱喝绿茶", "t").unwrap(), a);
    }
}

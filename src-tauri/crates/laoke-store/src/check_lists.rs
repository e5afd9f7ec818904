//! Migration 4: CHECK constraints that name a list of values (`status IN
//! ('unpaid', 'paid', …)`) rewritten as chains of equalities.
//!
//! SQLite evaluates a CHECK with an IN list of three or more values by building
//! a temporary B-tree of the list on every execution of an INSERT or UPDATE: two
//! such lists on `orders` made a quarter of a million-order import. The chain
//! accepts exactly the same values and needs no temporary table.
//!
//! SQLite cannot ALTER a CHECK, and rebuilding the tables would rewrite every
//! order of an archive; its documentation allows editing a table's SQL text in
//! `sqlite_schema` instead when only CHECK constraints change (existing rows
//! already satisfy the equivalent constraint). The edit runs in the migration's
//! transaction and bumps `schema_version`, so every connection rereads the schema.

use rusqlite::Transaction;

/// (table, column, the values its CHECK lists), as earlier migrations wrote them.
const LISTS: [(&str, &str, &[&str]); 4] = [
    ("orders", "status", &["unpaid", "paid", "shipped", "completed", "closed", "refunded"]),
    ("orders", "kind", &["purchase", "refund_document", "other"]),
    ("customer_scores", "stage", &["potential", "new", "active", "loyal", "sleeping", "churned"]),
    ("tier_changes", "reason", &["purchase", "review", "manual", "ladder"]),
];

/// The constraint as written (`CHECK (c IN ('a', 'b'))`) and as a chain
/// (`CHECK (c = 'a' OR c = 'b')`).
fn rewrite_of(column: &str, values: &[&str]) -> (String, String) {
    let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
    let chain: Vec<String> = quoted.iter().map(|v| format!("{column} = {v}")).collect();
    (format!("CHECK ({column} IN ({}))", quoted.join(", ")), format!("CHECK ({})", chain.join(" OR ")))
}

/// The migration hook: edits each table's SQL text once, then bumps the schema cookie.
pub(crate) fn rewrite(tx: &Transaction) -> rusqlite_migration::HookResult {
    let version: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
    tx.execute_batch("PRAGMA writable_schema = ON")?;
    for (table, column, values) in LISTS {
        let (from, to) = rewrite_of(column, values);
        let changed = tx.execute(
            "UPDATE sqlite_schema SET sql = replace(sql, ?2, ?3) WHERE type = 'table' AND name = ?1 AND instr(sql, ?2) > 0",
            [table, from.as_str(), to.as_str()],
        )?;
        if changed != 1 {
            return Err(rusqlite_migration::HookError::Hook(format!("{table}: constraint {from:?} not found")));
        }
    }
    tx.execute_batch(&format!("PRAGMA schema_version = {}; PRAGMA writable_schema = RESET", version + 1))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn the_rewritten_checks_refuse_what_the_lists_refused_without_temporary_tables() {
        let store = Store::open_in_memory().unwrap();
        let c = &store.conn;
        let sql: String = c.query_row("SELECT sql FROM sqlite_schema WHERE name = 'orders'", [], |r| r.get(0)).unwrap();
        assert!(sql.contains("status = 'refunded'") && !sql.contains(" IN ("), "{sql}");
        c.execute_batch("INSERT INTO shops (id, platform, name, created_at) VALUES (1, 'taobao', '', 't')").unwrap();
        let insert = |status: &str, kind: &str| {
            c.execute(
                "INSERT INTO orders (platform, shop_id, order_no, status, created_at, amount_paid, value, kind, updated_at)
                 VALUES ('taobao', 1, ?1, ?2, 't', '1', '1', ?3, 't')",
                [format!("{status}-{kind}"), status.to_owned(), kind.to_owned()],
            )
        };
        assert!(insert("paid", "purchase").is_ok());
        assert!(insert("refunded", "other").is_ok());
        assert!(insert("lost", "purchase").is_err(), "an unknown status is refused");
        assert!(insert("paid", "gift").is_err(), "an unknown kind is refused");
        let plan: Vec<String> = c
            .prepare(
                "EXPLAIN INSERT INTO orders (platform, shop_id, order_no, status, created_at, amount_paid, value, kind,
                 updated_at) VALUES ('taobao', 1, ?1, ?2, 't', '1', '1', ?3, 't')",
            )
            .unwrap()
            .query_map(["x", "paid", "purchase"], |r| r.get::<_, String>(1))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(!plan.iter().any(|op| op == "OpenEphemeral"), "no temporary table per insert");
        let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(ok, "ok");
    }

    #[test]
    fn an_archive_of_schema_3_keeps_its_orders_through_the_rewrite() {
        use crate::schema::{V1, V2, V3};
        use rusqlite_migration::{Migrations, M};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let mut c = rusqlite::Connection::open(&path).unwrap();
            Migrations::new(vec![M::up(V1), M::up(V2), M::up(V3)]).to_latest(&mut c).unwrap();
            c.execute_batch(
                "INSERT INTO orders (platform, order_no, status, created_at, amount_paid, value, kind, updated_at)
                 VALUES ('taobao', '42', 'completed', 't', '9.90', '9.90', 'purchase', 't')",
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let version: u32 = store.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, crate::SCHEMA_VERSION);
        let kept: String =
            store.conn.query_row("SELECT value FROM orders WHERE order_no = '42'", [], |r| r.get(0)).unwrap();
        assert_eq!(kept, "9.90");
        let sql: String = store
            .conn
            .query_row("SELECT sql FROM sqlite_schema WHERE name = 'customer_scores'", [], |r| r.get(0))
            .unwrap();
        assert!(sql.contains("stage = 'churned'"), "{sql}");
        let ok: String = store.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(ok, "ok");
    }
}

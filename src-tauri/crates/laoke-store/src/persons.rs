//! Merged identities. A seller merges customers that are one person (a buyer's
//! Taobao and Pinduoduo accounts); the merged customer's row stays, pointing at
//! the one it was merged into (`customers.merged_into`), and everything that
//! counts customers — stages, RFM, tiers, totals — counts that person once. The
//! rule "a customer's person is the one it is merged into, else itself" is
//! written here, in SQL and in Rust, and every reader folds through it.

use crate::Result;
use rusqlite::Connection;
use std::collections::HashMap;

/// A customer row's person in SQL, for a query whose `customers` row is `c`.
pub(crate) const PERSON_OF_C: &str = "coalesce(c.merged_into, c.id)";

/// The orders that count for person `?1`: its own and those of the customers merged into it.
pub(crate) const ORDERS_OF_PERSON: &str =
    "customer_id = ?1 OR customer_id IN (SELECT id FROM customers WHERE merged_into = ?1)";

/// Every customer's person, for readers that fold order rows in Rust.
pub(crate) fn persons(conn: &Connection) -> Result<HashMap<i64, i64>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT c.id, {PERSON_OF_C} FROM customers c"))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The person customer `id` is; `None` when there is no such customer.
pub(crate) fn person_of_customer(conn: &Connection, id: i64) -> Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    let mut stmt = conn.prepare_cached(&format!("SELECT {PERSON_OF_C} FROM customers c WHERE c.id = ?1"))?;
    Ok(stmt.query_row([id], |r| r.get(0)).optional()?)
}

//! Migration 7: Etsy buyers are keyed by their username, the key both Etsy
//! downloads carry (the orders file's Buyer User ID used to key them, the items
//! file's Buyer username keyed the same people again). Now that an order's buyer
//! never changes, the two keys would make every order read from both files a
//! conflict.
//!
//! A customer the orders file made (digits for a key) took the username as its
//! nick when the file had one; a nick equal to the full name came from a file
//! without usernames and is left alone. The customer takes its username as key;
//! where the items file already made a customer of that username, the two are
//! one person: merged (undoable, as a seller's merge is), so the next import of
//! either file finds the orders its buyer's.

use rusqlite::{params, OptionalExtension, Transaction};

/// The migration hook (see the module documentation).
pub(crate) fn migrate(tx: &Transaction) -> rusqlite_migration::HookResult {
    let mut stmt = tx.prepare(
        "SELECT id, nick FROM customers
         WHERE platform = 'etsy' AND buyer_id != '' AND buyer_id NOT GLOB '*[^0-9]*'
           AND nick != '' AND nick GLOB '*[^0-9]*' AND nick NOT GLOB '*[ \t]*' AND nick != coalesce(name, '')",
    )?;
    let keyed_by_id: Vec<(i64, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    // Dated by the archive's last change, not by the clock.
    let now: String =
        tx.query_row("SELECT coalesce(max(updated_at), '1970-01-01T00:00:00Z') FROM customers", [], |r| r.get(0))?;
    for (id, username) in keyed_by_id {
        let holder: Option<(i64, Option<i64>)> = tx
            .query_row(
                "SELECT id, merged_into FROM customers WHERE platform = 'etsy' AND buyer_id = ?1",
                [&username],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match holder {
            None => {
                tx.execute("UPDATE customers SET buyer_id = ?2 WHERE id = ?1", params![id, username])?;
            }
            Some((other, into)) => {
                let person = into.unwrap_or(other);
                let merged: Option<i64> =
                    tx.query_row("SELECT merged_into FROM customers WHERE id = ?1", [id], |r| r.get(0))?;
                // Already one person, or merged elsewhere by the seller: theirs to decide.
                if person == id || merged.is_some() {
                    continue;
                }
                crate::customer_merges::merge(tx, person, &[id], &now)
                    .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::import::ImportFlags;
    use crate::Store;
    use laoke_core::import::ImportOptions;
    use rusqlite_migration::Migrations;

    /// An archive of schema 6 as the last release wrote it from the Etsy fixtures:
    /// the orders file's buyers keyed by user id; `analopez_art` also made by the
    /// items file (of an order the orders file did not have); a buyer of a file
    /// without usernames (nick = full name) keyed by user id.
    fn archive_of_schema_6(path: &std::path::Path) {
        let mut c = rusqlite::Connection::open(path).unwrap();
        Migrations::new(crate::schema::steps().into_iter().take(6).collect()).to_latest(&mut c).unwrap();
        c.execute_batch(
            "INSERT INTO shops (id, platform, name, named, created_at) VALUES (1, 'etsy', 'Etsy shop', 0, 't');
             INSERT INTO customers (id, platform, buyer_id, shop_id, nick, name, created_at, updated_at) VALUES
                 (1, 'etsy', '412345678', 1, 'avabrooks', 'Ava Brooks', 't', '2026-03-01T00:00:00Z'),
                 (2, 'etsy', '498765432', 1, 'liamoneil', 'Liam O''Neil', 't', 't'),
                 (3, 'etsy', '455555555', 1, 'analopez_art', 'Lopez, Ana', 't', 't'),
                 (4, 'etsy', 'analopez_art', 1, 'analopez_art', 'Ana Lopez', 't', 't'),
                 (5, 'etsy', '477777777', 1, 'Madonna', 'Madonna', 't', 't');
             INSERT INTO orders (id, platform, order_no, shop_id, customer_id, status, created_at, amount_paid, value, kind, updated_at) VALUES
                 (10, 'etsy', '3101', 1, 1, 'completed', '2025-09-03T04:00:00Z', '76.00', '76.00', 'purchase', 't'),
                 (11, 'etsy', '3102', 1, 2, 'completed', '2025-09-12T04:00:00Z', '30.30', '30.30', 'purchase', 't'),
                 (12, 'etsy', '3103', 1, 1, 'paid', '2025-10-02T04:00:00Z', '25.00', '25.00', 'purchase', 't'),
                 (13, 'etsy', '3104', 1, 3, 'completed', '2025-11-15T05:00:00Z', '40.00', '40.00', 'purchase', 't'),
                 (14, 'etsy', '3105', 1, 4, 'completed', '2025-11-20T05:00:00Z', '10.00', '10.00', 'purchase', 't'),
                 (15, 'etsy', '3106', 1, 5, 'completed', '2025-11-21T05:00:00Z', '10.00', '10.00', 'purchase', 't');",
        )
        .unwrap();
    }

    #[test]
    fn etsy_buyers_keyed_by_user_id_take_their_username_or_join_its_customer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v6.db");
        archive_of_schema_6(&path);
        let mut store = Store::open(&path).unwrap();
        let customers: Vec<(i64, String, Option<i64>, i64)> = store
            .conn
            .prepare("SELECT id, buyer_id, merged_into, orders_count FROM customers ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            customers,
            [
                (1, "avabrooks".to_owned(), None, 0),
                (2, "liamoneil".to_owned(), None, 0),
                (3, "455555555".to_owned(), Some(4), 1),
                (4, "analopez_art".to_owned(), None, 2),
                (5, "477777777".to_owned(), None, 0),
            ],
            "rekeyed; merged where the username had a customer (whose totals fold both); a full name is no username"
        );
        let undo: i64 = store.conn.query_row("SELECT count(*) FROM customer_merges", [], |r| r.get(0)).unwrap();
        assert_eq!(undo, 1, "the merge is recorded, so the seller can undo it");
        // The orders file imported again (read in the shop's time zone, as before):
        // every order is its buyer's, none a conflict.
        let settings = store.settings().unwrap();
        store.update_settings(&laoke_core::dto::Settings { timezone: "America/New_York".into(), ..settings }).unwrap();
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../tests/fixtures/import/etsy_sold_orders.csv");
        let report = store
            .import_file(&fixture, &ImportOptions::default(), &ImportFlags::default(), chrono::Utc::now(), |_| true)
            .unwrap();
        assert_eq!((report.conflicts, report.customers_new, report.rejected.len()), (0, 0, 0));
        let owner: i64 =
            store.conn.query_row("SELECT customer_id FROM orders WHERE order_no = '3104'", [], |r| r.get(0)).unwrap();
        assert_eq!(owner, 3, "the order stays with its customer, merged into the username's");
    }
}

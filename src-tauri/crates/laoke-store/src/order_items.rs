//! The `order_items` table: the lines of an order.

use crate::borrowing_statement::{Binder, BorrowingStatement};
use crate::decimal_text::DecimalText;
use crate::Result;
use laoke_core::archive::ItemRecord;
use rusqlite::Connection;
use std::str::FromStr;

/// Lines per INSERT statement: one statement per line spent most of its time
/// opening and closing the table's cursor (a UCI invoice has ~20 lines).
const LINES_PER_INSERT: usize = 32;

/// The columns a line fills, and the shorter list for the common case of
/// lines with no SKU and no category (two fewer values to bind and store per line).
const COLUMNS: [&str; 7] = ["order_id", "line_no", "title", "quantity", "unit_price", "sku", "category"];
const SHORT: usize = 5;

/// `INSERT … VALUES (…), (…)` for `rows` lines of the first `columns` of
/// [`COLUMNS`]. `OR FAIL` rather than the default `ABORT`: an aborting multi-row
/// statement keeps a journal of every page it touches to undo itself, while
/// every caller runs inside a transaction that a failed statement rolls back
/// whole anyway.
fn insert_sql(rows: usize, columns: usize) -> String {
    let tuples: Vec<String> = (0..rows)
        .map(|r| {
            let p: Vec<String> = (1..=columns).map(|c| format!("?{}", r * columns + c)).collect();
            format!("({})", p.join(", "))
        })
        .collect();
    format!("INSERT OR FAIL INTO order_items ({}) VALUES {}", COLUMNS[..columns].join(", "), tuples.join(", "))
}

thread_local! {
    /// The statements' text by shape: `[short, full][lines]`.
    static SQL: [Vec<String>; 2] =
        [SHORT, COLUMNS.len()].map(|columns| (0..=LINES_PER_INSERT).map(|rows| insert_sql(rows, columns)).collect());
}

/// Whether a chunk of lines needs the columns the short insert leaves out.
fn needs_full(chunk: &[ItemRecord]) -> bool {
    chunk.iter().any(|i| i.sku.is_some() || i.category.is_some())
}

/// Writes the prices of a chunk's lines into `texts`, one after another, and
/// their places into `at` (`None` for a line without a price): the statement
/// borrows them, so all of a chunk's texts must stay put until it has run.
fn price_texts(chunk: &[ItemRecord], texts: &mut String, at: &mut Vec<Option<(usize, usize)>>) {
    let mut price = DecimalText::default();
    texts.clear();
    at.clear();
    at.extend(chunk.iter().map(|item| {
        item.unit_price.map(|p| {
            let start = texts.len();
            texts.push_str(price.of(p));
            (start, texts.len())
        })
    }));
}

fn bind_chunk<'a>(
    b: &mut Binder<'a>,
    order_id: i64,
    chunk_no: usize,
    chunk: &'a [ItemRecord],
    full: bool,
    prices: &'a str,
    price_at: &[Option<(usize, usize)>],
) {
    let columns = if full { COLUMNS.len() } else { SHORT };
    for (i, (item, price)) in chunk.iter().zip(price_at).enumerate() {
        let at = i * columns;
        let line_no = (chunk_no * LINES_PER_INSERT + i + 1) as i64;
        b.int(at + 1, order_id);
        b.int(at + 2, line_no);
        b.text(at + 3, &item.title);
        b.int(at + 4, item.quantity);
        b.opt_text(at + 5, price.map(|(start, end)| &prices[start..end]));
        if full {
            b.opt_text(at + 6, item.sku.as_deref());
            b.opt_text(at + 7, item.category.as_deref());
        }
    }
}

/// The line inserts of one import or demo fill, prepared once and held for its
/// length: a large file runs tens of thousands of them, and the connection's
/// statement cache hashes a statement's whole text (a kilobyte) on every use
/// and return. They borrow the lines' texts instead of copying them.
pub(crate) struct LineInserts<'c> {
    conn: &'c Connection,
    /// `[short, full][lines]`, prepared on first use.
    stmts: [Vec<Option<BorrowingStatement<'c>>>; 2],
    prices: String,
    price_at: Vec<Option<(usize, usize)>>,
}

impl<'c> LineInserts<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Self {
        let none = || (0..=LINES_PER_INSERT).map(|_| None).collect();
        LineInserts { conn, stmts: [none(), none()], prices: String::new(), price_at: Vec::new() }
    }

    /// Writes the lines of a freshly inserted order, numbered from 1.
    pub(crate) fn insert(&mut self, order_id: i64, items: &[ItemRecord]) -> Result<()> {
        for (chunk_no, chunk) in items.chunks(LINES_PER_INSERT).enumerate() {
            let full = needs_full(chunk);
            let slot = &mut self.stmts[usize::from(full)][chunk.len()];
            let stmt = match slot {
                Some(stmt) => stmt,
                None => slot.insert(
                    SQL.with(|sql| BorrowingStatement::prepare(self.conn, &sql[usize::from(full)][chunk.len()]))?,
                ),
            };
            price_texts(chunk, &mut self.prices, &mut self.price_at);
            let (prices, price_at) = (self.prices.as_str(), self.price_at.as_slice());
            stmt.execute(|b| bind_chunk(b, order_id, chunk_no, chunk, full, prices, price_at))?;
        }
        Ok(())
    }

    /// Replaces the lines of an order.
    pub(crate) fn replace(&mut self, order_id: i64, items: &[ItemRecord]) -> Result<()> {
        self.conn.prepare_cached("DELETE FROM order_items WHERE order_id = ?1")?.execute([order_id])?;
        self.insert(order_id, items)
    }
}

/// The lines of an order as stored.
pub(crate) fn load(conn: &Connection, order_id: i64) -> Result<Vec<ItemRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT title, sku, category, quantity, unit_price FROM order_items WHERE order_id = ?1 ORDER BY line_no",
    )?;
    let rows = stmt.query_map([order_id], |r| {
        let price: Option<String> = r.get(4)?;
        Ok(ItemRecord {
            title: r.get(0)?,
            sku: r.get(1)?,
            category: r.get(2)?,
            quantity: r.get(3)?,
            unit_price: price.and_then(|p| rust_decimal::Decimal::from_str(&p).ok()),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orders;
    use crate::orders::fixture::{completed, taobao_origin};
    use crate::Store;
    use laoke_core::archive::OrderRecord;
    use rust_decimal::Decimal;

    #[test]
    fn lines_are_written_in_chunks_and_read_back_in_order() {
        let store = Store::open_in_memory().unwrap();
        let origin = taobao_origin(&store.conn);
        let order = completed("1", Decimal::from(10));
        // Every count around the chunk size (32), including none and two full chunks plus
        // one; lines with SKUs (every other one), and lines without (the shorter statement).
        let counts = [0usize, 1, 8, 17, 31, 32, 33, 65];
        for (n, (count, skus)) in counts.iter().flat_map(|&c| [(c, true), (c, false)]).enumerate() {
            let id = orders::insert(
                &store.conn,
                &origin,
                &OrderRecord { order_no: n.to_string(), ..order.clone() },
                true,
                "t",
            )
            .unwrap();
            let items: Vec<ItemRecord> = (0..count)
                .map(|i| ItemRecord {
                    title: format!("茶 {i}"),
                    sku: (skus && i % 2 == 0).then(|| format!("sku{i}")),
                    category: (skus && i % 5 == 1).then(|| "绿茶".to_owned()),
                    quantity: i as i64 + 1,
                    unit_price: (i % 3 != 0).then(|| Decimal::new(i as i64 * 125, 2)),
                })
                .collect();
            LineInserts::new(&store.conn).insert(id, &items).unwrap();
            assert_eq!(load(&store.conn, id).unwrap(), items, "{count} lines, skus: {skus}");
            let numbers: Vec<i64> = store
                .conn
                .prepare("SELECT line_no FROM order_items WHERE order_id = ?1 ORDER BY line_no")
                .unwrap()
                .query_map([id], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert_eq!(numbers, (1..=count as i64).collect::<Vec<_>>());
        }
    }
}

//! Changes to many customers at once (tag, untag, do-not-disturb) and the CSV
//! export of a selection: one transaction per bulk change, so it is all or
//! nothing.

use crate::roster::RosterSnapshot;
use crate::{customer_tags, settings, tags, Result, Store, StoreError};
use chrono::NaiveDate;
use laoke_core::dto::{BulkAction, BulkTarget, CustomerQuery};
use std::path::Path;

/// Exported columns, in order.
const EXPORT_HEADER: [&str; 18] = [
    "id",
    "platform",
    "buyer_id",
    "nick",
    "name",
    "phone",
    "email",
    "province",
    "city",
    "purchases",
    "value",
    "first_purchase",
    "last_purchase",
    "stage",
    "rfm",
    "tags",
    "dnd",
    "shops",
];

/// A cell as spreadsheet text: one starting with `=`, `+`, `-` or `@` would be
/// run as a formula by Excel, so it gets a leading `'` (buyer nicks are free text).
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

impl Store {
    /// The customers a bulk target names: its ids, or all pages of its query.
    pub fn target_ids(&self, snap: &RosterSnapshot, target: &BulkTarget, today: NaiveDate) -> Result<Vec<i64>> {
        match (&target.ids, &target.query) {
            (Some(ids), _) => Ok(ids.clone()),
            (None, Some(q)) => self.customer_ids_in(snap, &CustomerQuery { offset: 0, ..q.clone() }, today),
            (None, None) => Ok(Vec::new()),
        }
    }

    /// Applies `action` to every customer in `ids`; returns how many changed.
    pub fn bulk(&mut self, action: &BulkAction, ids: &[i64], now: chrono::DateTime<chrono::Utc>) -> Result<u32> {
        let now = &laoke_core::time::to_stored(now);
        let tx = self.conn.transaction()?;
        let mut changed = 0u32;
        match action {
            BulkAction::Tag(name) => {
                let tag = tags::ensure(&tx, tags::checked(name)?, now)?;
                for &id in ids {
                    let n = tx.execute(
                        "INSERT OR IGNORE INTO customer_tags (customer_id, tag_id, created_at)
                         SELECT id, ?2, ?3 FROM customers WHERE id = ?1",
                        rusqlite::params![id, tag, now],
                    )?;
                    changed += n as u32;
                }
            }
            BulkAction::Untag(name) => {
                if let Some(tag) = tags::find(&tx, name)? {
                    for &id in ids {
                        changed += u32::from(customer_tags::detach(&tx, id, tag)?);
                    }
                }
            }
            BulkAction::DndOn | BulkAction::DndOff => {
                let on = matches!(action, BulkAction::DndOn);
                let mut stmt =
                    tx.prepare_cached("UPDATE customers SET dnd = ?2, updated_at = ?3 WHERE id = ?1 AND dnd != ?2")?;
                for &id in ids {
                    changed += stmt.execute(rusqlite::params![id, on, now])? as u32;
                }
            }
        }
        settings::bump_generation(&tx)?;
        tx.commit()?;
        Ok(changed)
    }

    /// Writes the customers in `ids` to a CSV file (UTF-8 with a BOM, which
    /// Excel needs to show Chinese); returns how many rows were written.
    pub fn export_customers(&self, snap: &RosterSnapshot, ids: &[i64], path: &Path) -> Result<u32> {
        let file_error = |e: std::io::Error| StoreError::File { path: path.to_path_buf(), source: e };
        let mut file = std::fs::File::create(path).map_err(file_error)?;
        std::io::Write::write_all(&mut file, "\u{feff}".as_bytes()).map_err(file_error)?;
        let mut out = csv::Writer::from_writer(file);
        let csv_error = |e: csv::Error| StoreError::File { path: path.to_path_buf(), source: std::io::Error::other(e) };
        out.write_record(EXPORT_HEADER).map_err(csv_error)?;
        let mut written = 0;
        let positions: Vec<usize> = ids.iter().filter_map(|&id| snap.roster.position(id)).collect();
        for chunk in positions.chunks(crate::customer_list::MAX_PAGE as usize) {
            for row in crate::customer_list::rows_at(&self.conn, snap, chunk)? {
                let (name, phone, email, dnd) = (row.name, row.phone, row.email, row.dnd);
                let record = [
                    row.id.to_string(),
                    row.platform.as_str().to_owned(),
                    row.buyer_id,
                    row.nick,
                    name.unwrap_or_default(),
                    phone.unwrap_or_default(),
                    email.unwrap_or_default(),
                    row.province.unwrap_or_default(),
                    row.city.unwrap_or_default(),
                    row.purchases.to_string(),
                    row.value.to_string(),
                    row.first_purchase.unwrap_or_default(),
                    row.last_purchase.unwrap_or_default(),
                    row.stage.unwrap_or_default(),
                    row.rfm.unwrap_or_default(),
                    row.tags.join("|"),
                    (if dnd { "1" } else { "0" }).to_owned(),
                    row.shops.join("|"),
                ];
                out.write_record(record.iter().map(|c| cell(c))).map_err(csv_error)?;
                written += 1;
            }
        }
        out.flush().map_err(file_error)?;
        Ok(written)
    }
}

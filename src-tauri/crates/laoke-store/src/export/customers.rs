//! The customer export: one row per person in the list's order, the list's
//! columns plus what only the profile shows (street address, gender, hobbies,
//! notes). In a privacy export contacts are masked and notes left out.

use super::sheet::Cell;
use crate::{Result, Store};
use laoke_core::dto::{CustomerRow, ExportFormat};
use laoke_core::export::{titles, CUSTOMER_COLUMNS};
use laoke_core::privacy::{mask_address, mask_email, mask_identity, mask_name, mask_nick, mask_phone};
use std::collections::HashMap;
use std::path::Path;

/// What the list's row does not carry.
#[derive(Default)]
struct Extra {
    address: Option<String>,
    gender: Option<String>,
    hobbies: Option<String>,
    notes: Vec<String>,
}

fn extras(store: &Store) -> Result<HashMap<i64, Extra>> {
    let mut out: HashMap<i64, Extra> = HashMap::new();
    let mut stmt = store.conn.prepare(
        "SELECT id, address, gender, hobbies FROM customers
         WHERE address IS NOT NULL OR gender IS NOT NULL OR hobbies IS NOT NULL",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        out.insert(r.get(0)?, Extra { address: r.get(1)?, gender: r.get(2)?, hobbies: r.get(3)?, notes: Vec::new() });
    }
    let mut stmt = store.conn.prepare("SELECT customer_id, body FROM notes ORDER BY customer_id, created_at, id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?).or_default().notes.push(r.get(1)?);
    }
    Ok(out)
}

pub(super) fn write(
    store: &Store,
    rows: &[CustomerRow],
    path: &Path,
    format: ExportFormat,
    privacy: bool,
    language: &str,
) -> Result<(u32, u32)> {
    let extras = extras(store)?;
    let none = Extra::default();
    let yes_no = |b: bool| Cell::Int(b as i64);
    super::write_all(path, format, &titles(CUSTOMER_COLUMNS, language), rows, |c| {
        let extra = extras.get(&c.id).unwrap_or(&none);
        Ok(vec![
            Cell::Int(c.id),
            Cell::Text(c.platform.as_str().to_owned()),
            Cell::shown(Some(&c.buyer_id), privacy, mask_identity),
            Cell::Text(if privacy { mask_nick(&c.nick, c.name.as_deref()) } else { c.nick.clone() }),
            Cell::shown(c.name.as_deref(), privacy, mask_name),
            Cell::shown(c.phone.as_deref(), privacy, mask_phone),
            Cell::shown(c.email.as_deref(), privacy, mask_email),
            Cell::shown(c.wechat.as_deref(), privacy, mask_name),
            Cell::text(c.province.clone()),
            Cell::text(c.city.clone()),
            Cell::shown(extra.address.as_deref(), privacy, mask_address),
            Cell::text(c.birthday.clone()),
            yes_no(c.birthday_lunar),
            Cell::text(extra.gender.clone()),
            Cell::text(extra.hobbies.clone()),
            Cell::Text(c.shops.join(", ")),
            Cell::Text(c.tags.join(", ")),
            Cell::text(c.stage.clone()),
            Cell::text(c.tier.clone()),
            Cell::text(c.rfm.clone()),
            Cell::Int(c.orders.into()),
            Cell::Int(c.purchases.into()),
            Cell::Money(c.value),
            Cell::text(c.first_purchase.clone()),
            Cell::text(c.last_purchase.clone()),
            yes_no(c.dnd),
            c.p_alive.map_or(Cell::Empty, Cell::Number),
            c.expected_90d.map_or(Cell::Empty, Cell::Number),
            c.clv.map_or(Cell::Empty, Cell::Money),
            // Notes are free text that may hold anything, contacts too: a privacy export leaves them out.
            if privacy || extra.notes.is_empty() { Cell::Empty } else { Cell::Text(extra.notes.join("\n")) },
        ])
    })
}

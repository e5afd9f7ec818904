//! The `customers` table: one row per buyer identity, with its profile and the
//! totals derived from its orders.

use crate::stored_values::instant;
use crate::Result;
use laoke_core::archive::{BuyerIdentity, CustomerRecord, CustomerTotals};
use laoke_core::time::to_stored;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashSet;

/// The customer with this identity, if the archive has one.
pub(crate) fn find_id(conn: &Connection, identity: &BuyerIdentity) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM customers WHERE platform = ?1 AND buyer_id = ?2")?;
    Ok(stmt.query_row(params![identity.platform.as_str(), identity.buyer_id], |r| r.get(0)).optional()?)
}

/// The person a buyer identity is: the customer it is merged into, else its own
/// customer (`None`: no customer has it).
pub(crate) fn person_of(conn: &Connection, identity: &BuyerIdentity) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM customers c WHERE c.platform = ?1 AND c.buyer_id = ?2",
        crate::persons::PERSON_OF_C
    ))?;
    Ok(stmt.query_row(params![identity.platform.as_str(), identity.buyer_id], |r| r.get(0)).optional()?)
}

/// Fills the profile fields the archive does not know yet. A known value is never
/// overwritten by an import, and a field the seller edited (even to empty) is
/// never filled: the `edited` bits say which.
pub(crate) fn fill_profile(conn: &Connection, id: i64, p: &CustomerRecord, now: &str) -> Result<()> {
    let mut stmt = conn.prepare_cached(crate::edited_fields::fill_sql())?;
    stmt.execute(params![id, p.name, p.phone, p.email, p.province, p.city, p.address, now])?;
    Ok(())
}

/// A customer's derived totals as the eight stored columns, from `orders_count`
/// to `last_purchase_at`.
fn totals_columns(t: &CustomerTotals) -> [Box<dyn rusqlite::ToSql>; 8] {
    [
        Box::new(t.orders),
        Box::new(t.purchases),
        Box::new(t.value.to_string()),
        Box::new(t.refunds.to_string()),
        Box::new(t.first_order.map(to_stored)),
        Box::new(t.last_order.map(to_stored)),
        Box::new(t.first_purchase.map(to_stored)),
        Box::new(t.last_purchase.map(to_stored)),
    ]
}

/// Binds [`totals_columns`] from parameter `first` on.
fn bind_totals(stmt: &mut rusqlite::Statement<'_>, first: usize, t: &CustomerTotals) -> Result<()> {
    for (i, value) in totals_columns(t).iter().enumerate() {
        stmt.raw_bind_parameter(first + i, value)?;
    }
    Ok(())
}

/// Writes a customer's derived totals.
pub(crate) fn write_totals(conn: &Connection, id: i64, totals: &CustomerTotals, now: &str) -> Result<()> {
    let mut write = conn.prepare_cached(
        "UPDATE customers SET orders_count = ?2, purchases = ?3, value = ?4, refunds = ?5, first_order_at = ?6,
             last_order_at = ?7, first_purchase_at = ?8, last_purchase_at = ?9, updated_at = ?10 WHERE id = ?1",
    )?;
    write.raw_bind_parameter(1, id)?;
    bind_totals(&mut write, 2, totals)?;
    write.raw_bind_parameter(10, now)?;
    write.raw_execute()?;
    Ok(())
}

/// Refolds the derived totals of `ids` from their orders. A customer others were
/// merged into folds their orders too, and a merged customer's change refolds the
/// customer it was merged into.
pub(crate) fn refresh_totals(conn: &Connection, ids: &HashSet<i64>, now: &str) -> Result<()> {
    let mut roots = HashSet::new();
    for &id in ids {
        if let Some(root) = crate::persons::person_of_customer(conn, id)? {
            roots.insert(root);
        }
    }
    // The kind was decided with the order's shop's settings when it was stored.
    let mut read = conn.prepare_cached(&format!(
        "SELECT kind, value, refund, created_at FROM orders WHERE {}",
        crate::persons::ORDERS_OF_PERSON
    ))?;
    let mut own = conn.prepare_cached("SELECT kind, value, refund, created_at FROM orders WHERE customer_id = ?1")?;
    let mut members = conn.prepare_cached("SELECT id FROM customers WHERE merged_into = ?1")?;
    let fold = |rows: &mut rusqlite::Rows<'_>| -> Result<CustomerTotals> {
        let mut totals = CustomerTotals::default();
        while let Some(r) = rows.next()? {
            totals.add(
                crate::orders::kind_at(r, 0)?,
                crate::stored_values::decimal(r, 1, "orders", "value")?,
                crate::stored_values::decimal(r, 2, "orders", "refund")?,
                instant(r, 3, "orders", "created_at")?,
            );
        }
        Ok(totals)
    };
    for root in roots {
        let totals = fold(&mut read.query([root])?)?;
        write_totals(conn, root, &totals, now)?;
        let member_ids: Vec<i64> = members.query_map([root], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        for m in member_ids {
            let totals = fold(&mut own.query([m])?)?;
            write_totals(conn, m, &totals, now)?;
        }
    }
    Ok(())
}

/// Inserts a new customer, or returns `None` if the identity already has one.
pub(crate) fn insert_new(
    conn: &Connection,
    shop_id: i64,
    identity: &BuyerIdentity,
    p: &CustomerRecord,
    totals: &CustomerTotals,
    now: &str,
) -> Result<Option<i64>> {
    // The totals go in with the row: written later, they would grow every row
    // (and split its page) in a second pass.
    let mut stmt = conn.prepare_cached(
        "INSERT INTO customers (platform, buyer_id, shop_id, nick, name, phone, email, province, city, address,
             birthday, birthday_lunar, gender, created_at, updated_at, orders_count, purchases, value, refunds,
             first_order_at, last_order_at, first_purchase_at, last_purchase_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
         ON CONFLICT (platform, buyer_id) DO NOTHING",
    )?;
    // Plain INSERT + changes(): cheaper per row than RETURNING, which SQLite materializes.
    let profile: [&dyn rusqlite::ToSql; 14] = [
        &identity.platform.as_str(),
        &identity.buyer_id,
        &shop_id,
        &p.nick,
        &p.name,
        &p.phone,
        &p.email,
        &p.province,
        &p.city,
        &p.address,
        &p.birthday.map(|d| d.to_string()),
        &p.birthday_lunar,
        &p.gender.map(String::from),
        &now,
    ];
    for (i, value) in profile.iter().enumerate() {
        stmt.raw_bind_parameter(i + 1, value)?;
    }
    bind_totals(&mut stmt, 15, totals)?;
    let inserted = stmt.raw_execute()?;
    Ok((inserted == 1).then(|| conn.last_insert_rowid()))
}

pub(crate) fn insert(
    conn: &Connection,
    shop_id: i64,
    identity: &BuyerIdentity,
    profile: &CustomerRecord,
    totals: &CustomerTotals,
    now: &str,
) -> Result<i64> {
    insert_new(conn, shop_id, identity, profile, totals, now)?.ok_or_else(|| crate::StoreError::Duplicate {
        table: "customers",
        key: format!("{} {}", identity.platform, identity.buyer_id),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use laoke_core::Platform;

    fn identity(buyer: &str) -> BuyerIdentity {
        BuyerIdentity { platform: Platform::Taobao, buyer_id: buyer.into() }
    }

    #[test]
    fn one_row_per_platform_and_buyer_id() {
        let store = Store::open_in_memory().unwrap();
        let shop = crate::shops::ensure(&store.conn, Platform::Taobao, "s", "t").unwrap().id;
        let profile = CustomerRecord { nick: "小鱼儿".into(), ..Default::default() };
        let totals = CustomerTotals::default();
        insert(&store.conn, shop, &identity("小鱼儿"), &profile, &totals, "2026-01-01T00:00:00Z").unwrap();
        let again = insert(&store.conn, shop, &identity("小鱼儿"), &profile, &totals, "2026-01-01T00:00:00Z");
        assert!(again.is_err(), "the same identity cannot be inserted twice");
        let other = BuyerIdentity { platform: Platform::Pinduoduo, buyer_id: "小鱼儿".into() };
        insert(&store.conn, shop, &other, &profile, &totals, "2026-01-01T00:00:00Z").unwrap();
    }

    #[test]
    fn gender_is_checked_by_the_schema() {
        let store = Store::open_in_memory().unwrap();
        let shop = crate::shops::ensure(&store.conn, Platform::Taobao, "s", "t").unwrap().id;
        let profile = CustomerRecord { nick: "x".into(), gender: Some('x'), ..Default::default() };
        assert!(insert(&store.conn, shop, &identity("x"), &profile, &CustomerTotals::default(), "t").is_err());
    }
}

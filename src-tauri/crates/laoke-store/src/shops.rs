//! The `shops` table: one row per storefront, (platform, name) unique. Orders
//! belong to a shop; a customer is a platform's buyer and may have bought in
//! several of its shops. A shop is `named` once the seller or an export gave it
//! a name; until then it carries Laoke's default for the platform, and the first
//! export naming its shop (a 店铺名称 column) names it rather than starting a
//! second shop beside it.

use crate::{Result, StoreError};
use chrono::{DateTime, Utc};
use laoke_core::archive::{counts_as_paid, order_kind};
use laoke_core::dto::{ShopUpdate, ShopView};
use laoke_core::shop::{checked_name, default_name};
use laoke_core::time::to_stored;
use laoke_core::Platform;
use rusqlite::{params, Connection, OptionalExtension};

/// A shop as the store works with it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shop {
    pub id: i64,
    pub platform: Platform,
    pub name: String,
    pub named: bool,
    pub count_cod: bool,
    pub created_at: String,
}

const COLUMNS: &str = "id, platform, name, named, count_cod, created_at";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Shop> {
    Ok(Shop {
        id: r.get(0)?,
        platform: r.get_ref(1)?.as_str()?.parse().unwrap_or(Platform::Generic),
        name: r.get(2)?,
        named: r.get(3)?,
        count_cod: r.get(4)?,
        created_at: r.get(5)?,
    })
}

/// A shop name the seller or an export gave, checked.
pub(crate) fn valid_name(name: &str) -> Result<String> {
    Ok(checked_name(name)?.into_owned())
}

/// The shops of a platform, oldest first.
pub(crate) fn of_platform(conn: &Connection, platform: Platform) -> Result<Vec<Shop>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM shops WHERE platform = ?1 ORDER BY id"))?;
    let shops = stmt.query_map([platform.as_str()], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(shops)
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Option<Shop>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM shops WHERE id = ?1"))?;
    Ok(stmt.query_row([id], row).optional()?)
}

pub(crate) fn find(conn: &Connection, platform: Platform, name: &str) -> Result<Option<Shop>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM shops WHERE platform = ?1 AND name = ?2"))?;
    Ok(stmt.query_row(params![platform.as_str(), name], row).optional()?)
}

/// Every shop of any platform with this name (a seller may give their Taobao and
/// their JD shop the same name), oldest first.
pub(crate) fn named(conn: &Connection, name: &str) -> Result<Vec<Shop>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM shops WHERE name = ?1 ORDER BY id"))?;
    let shops = stmt.query_map([name], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(shops)
}

/// Adds a shop; its name must be free on the platform.
pub(crate) fn insert(conn: &Connection, platform: Platform, name: &str, named: bool, now: &str) -> Result<Shop> {
    conn.execute(
        "INSERT INTO shops (platform, name, named, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![platform.as_str(), name, named, now],
    )?;
    Ok(Shop {
        id: conn.last_insert_rowid(),
        platform,
        name: name.to_owned(),
        named,
        count_cod: true,
        created_at: now.to_owned(),
    })
}

/// The shop `name` on `platform`, created (named) on first use.
pub(crate) fn ensure(conn: &Connection, platform: Platform, name: &str, now: &str) -> Result<Shop> {
    match find(conn, platform, name)? {
        Some(shop) => Ok(shop),
        None => insert(conn, platform, name, true, now),
    }
}

/// Where a file's orders go, decided without writing anything (the import
/// preview shows it; the import then [`settle`]s it).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Destination {
    /// A shop of the platform, as it is.
    Shop(Shop),
    /// The platform's only shop, which Laoke named: the export's name becomes its
    /// name (it is this one: an archive from before shops, or a first export
    /// without a shop column).
    Rename(Shop, String),
    /// A new shop, named by the seller or an export (`named`), or by Laoke.
    New { name: String, named: bool },
    /// Several shops and nothing saying which (`import.shop_required`).
    Ambiguous(Vec<String>),
}

/// Where the orders of a file go: the shop the seller `chosen` (created if new);
/// else the shop the export `named`; else the platform's only shop, a new one if
/// it has none.
pub(crate) fn destination(
    conn: &Connection,
    platform: Platform,
    chosen: Option<&str>,
    named: Option<&str>,
) -> Result<Destination> {
    if let Some(name) = chosen.or(named) {
        let name = valid_name(name)?;
        if let Some(shop) = find(conn, platform, &name)? {
            return Ok(Destination::Shop(shop));
        }
        if chosen.is_none() {
            if let [only] = of_platform(conn, platform)?.as_slice() {
                if !only.named {
                    return Ok(Destination::Rename(only.clone(), name));
                }
            }
        }
        return Ok(Destination::New { name, named: true });
    }
    let mut shops = of_platform(conn, platform)?;
    Ok(match shops.len() {
        0 => Destination::New { name: default_name(platform).to_owned(), named: false },
        1 => Destination::Shop(shops.remove(0)),
        _ => Destination::Ambiguous(shops.into_iter().map(|s| s.name).collect()),
    })
}

/// Makes a destination a shop: renames or creates it as decided.
pub(crate) fn settle(conn: &Connection, platform: Platform, to: Destination, now: &str) -> Result<Shop> {
    match to {
        Destination::Shop(shop) => Ok(shop),
        Destination::Rename(shop, name) => {
            conn.execute("UPDATE shops SET name = ?2, named = 1 WHERE id = ?1", params![shop.id, name])?;
            Ok(Shop { name, named: true, ..shop })
        }
        Destination::New { name, named } => insert(conn, platform, &name, named, now),
        Destination::Ambiguous(shops) => Err(StoreError::ShopRequired { platform, shops }),
    }
}

/// Whether the shop holds any order (an import compares an order with the stored
/// one only where one can be stored).
pub(crate) fn has_orders(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM orders WHERE shop_id = ?1)", [id], |r| r.get(0))?)
}

/// Every shop, by platform and then age.
pub(crate) fn all(conn: &Connection) -> Result<Vec<Shop>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM shops ORDER BY platform, id"))?;
    let shops = stmt.query_map([], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(shops)
}

/// Every shop with its counts, by platform and then age: one pass over the
/// orders for all shops (a query per shop read each shop's orders again).
pub(crate) fn list(conn: &Connection) -> Result<Vec<ShopView>> {
    let mut counts: std::collections::HashMap<i64, (u32, u32)> = std::collections::HashMap::new();
    let mut stmt =
        conn.prepare_cached("SELECT shop_id, count(*), count(DISTINCT customer_id) FROM orders GROUP BY shop_id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        counts.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
    }
    let shops = all(conn)?.into_iter().map(|shop| {
        let (orders, customers) = counts.get(&shop.id).copied().unwrap_or_default();
        ShopView {
            id: shop.id,
            platform: shop.platform,
            name: shop.name,
            named: shop.named,
            count_cod: shop.count_cod,
            orders,
            customers,
            created_at: shop.created_at,
        }
    });
    Ok(shops.collect())
}

impl crate::Store {
    /// Every shop with its counts, by platform and then age.
    pub fn shops(&self) -> Result<Vec<ShopView>> {
        list(&self.conn)
    }

    /// The ids of the shops named `name` (on any platform): `shop.not_found` if none.
    pub fn shops_named(&self, name: &str) -> Result<Vec<i64>> {
        let ids: Vec<i64> = named(&self.conn, name.trim())?.into_iter().map(|s| s.id).collect();
        if ids.is_empty() {
            return Err(StoreError::ShopNotFound { name: name.trim().to_owned() });
        }
        Ok(ids)
    }

    /// Renames a shop, or changes whether it counts cash on delivery: its COD
    /// orders count again or no more, and their customers' totals follow, in one
    /// transaction.
    pub fn update_shop(&mut self, id: i64, change: &ShopUpdate, now: DateTime<Utc>) -> Result<ShopView> {
        let stamp = to_stored(now);
        let tx = self.conn.transaction()?;
        let shop = get(&tx, id)?.ok_or(StoreError::ShopGone { id })?;
        if let Some(name) = &change.name {
            let name = valid_name(name)?;
            if name != shop.name {
                if find(&tx, shop.platform, &name)?.is_some() {
                    return Err(StoreError::ShopNameTaken { platform: shop.platform, name });
                }
                tx.execute("UPDATE shops SET name = ?2, named = 1 WHERE id = ?1", params![id, name])?;
            }
        }
        if let Some(count_cod) = change.count_cod.filter(|&c| c != shop.count_cod) {
            tx.execute("UPDATE shops SET count_cod = ?2 WHERE id = ?1", params![id, count_cod])?;
            recount_cod(&tx, id, count_cod, &stamp)?;
        }
        crate::settings::bump_generation(&tx)?;
        tx.commit()?;
        list(&self.conn)?.into_iter().find(|s| s.id == id).ok_or(StoreError::ShopGone { id })
    }
}

/// Decides again how a shop's unconfirmed cash-on-delivery orders count, and
/// refolds their customers' totals.
fn recount_cod(conn: &Connection, shop_id: i64, count_cod: bool, now: &str) -> Result<()> {
    use crate::stored_values::{decimal, parsed};
    let mut read =
        conn.prepare("SELECT id, status, value, kind, customer_id FROM orders WHERE shop_id = ?1 AND cod = 1")?;
    let mut write = conn.prepare("UPDATE orders SET kind = ?2, updated_at = ?3 WHERE id = ?1")?;
    let mut customers = std::collections::HashSet::new();
    let mut rows = read.query([shop_id])?;
    while let Some(r) = rows.next()? {
        let paid = counts_as_paid(parsed(r, 1, "orders", "status")?, true, count_cod);
        let kind = order_kind(paid, decimal(r, 2, "orders", "value")?);
        if kind != crate::orders::kind_at(r, 3)? {
            write.execute(params![r.get::<_, i64>(0)?, crate::orders::kind_str(kind), now])?;
            customers.extend(r.get::<_, Option<i64>>(4)?);
        }
    }
    crate::customers::refresh_totals(conn, &customers, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use laoke_core::shop::ShopNameError;

    #[test]
    fn ensure_is_idempotent_per_platform_and_name() {
        let store = Store::open_in_memory().unwrap();
        let a = ensure(&store.conn, Platform::Taobao, "茶铺", "2026-01-01T00:00:00Z").unwrap();
        let b = ensure(&store.conn, Platform::Taobao, "茶铺", "2026-02-01T00:00:00Z").unwrap();
        let c = ensure(&store.conn, Platform::Shopify, "茶铺", "2026-02-01T00:00:00Z").unwrap();
        assert_eq!(a, b);
        assert_ne!(a.id, c.id);
        assert_eq!(named(&store.conn, "茶铺").unwrap().len(), 2, "the same name on two platforms");
    }

    fn settled(c: &Connection, platform: Platform, chosen: Option<&str>, named: Option<&str>) -> Result<Shop> {
        settle(c, platform, destination(c, platform, chosen, named)?, "t")
    }

    #[test]
    fn the_only_shop_is_the_default_and_several_need_a_choice() {
        let store = Store::open_in_memory().unwrap();
        let c = &store.conn;
        assert_eq!(
            destination(c, Platform::Shopify, None, None).unwrap(),
            Destination::New { name: "Shopify store".into(), named: false },
            "deciding writes nothing"
        );
        let first = settled(c, Platform::Shopify, None, None).unwrap();
        assert_eq!((first.name.as_str(), first.named), ("Shopify store", false));
        assert_eq!(settled(c, Platform::Shopify, None, None).unwrap(), first, "created once");
        let outlet = settled(c, Platform::Shopify, Some(" Outlet "), None).unwrap();
        assert_eq!((outlet.name.as_str(), outlet.named), ("Outlet", true));
        match settled(c, Platform::Shopify, None, None) {
            Err(StoreError::ShopRequired { platform, shops }) => {
                assert_eq!(platform, Platform::Shopify);
                assert_eq!(shops, ["Shopify store", "Outlet"]);
            }
            other => panic!("{other:?}"),
        }
        // A chosen shop wins over the one the export names.
        assert_eq!(settled(c, Platform::Shopify, Some("Outlet"), Some("Main")).unwrap().id, outlet.id);
        assert!(matches!(
            settled(c, Platform::Shopify, Some(" "), None),
            Err(StoreError::ShopName(ShopNameError::NameEmpty))
        ));
    }

    #[test]
    fn the_first_export_naming_its_shop_names_the_default_one() {
        let store = Store::open_in_memory().unwrap();
        let c = &store.conn;
        let default = settled(c, Platform::Taobao, None, None).unwrap();
        let named = settled(c, Platform::Taobao, None, Some("小鱼手作铺")).unwrap();
        assert_eq!((named.id, named.name.as_str(), named.named), (default.id, "小鱼手作铺", true));
        // Once named, another name in an export is another shop.
        let other = settled(c, Platform::Taobao, None, Some("小鱼天猫店")).unwrap();
        assert_ne!(other.id, default.id);
        assert_eq!(settled(c, Platform::Taobao, None, Some("小鱼手作铺")).unwrap().id, default.id);
        // A name the seller chooses is a new shop even beside an unnamed one.
        let jd = settled(c, Platform::Jd, None, None).unwrap();
        assert_ne!(settled(c, Platform::Jd, Some("京东旗舰店"), None).unwrap().id, jd.id);
    }

    #[test]
    fn names_are_checked() {
        assert_eq!(valid_name(" Outlet ").unwrap(), "Outlet");
        assert!(matches!(valid_name("  "), Err(StoreError::ShopName(ShopNameError::NameEmpty))));
        assert!(matches!(valid_name(&"x".repeat(101)), Err(StoreError::ShopName(ShopNameError::NameTooLong { .. }))));
    }
}

//! Which shop each order of a file goes to: the shop the seller chose for the
//! file; else the shop the export names on the order's rows (a 店铺名称 column:
//! an ERP export may hold several); else the platform's only shop (see
//! `shops::destination`, which refuses to guess between several).
//!
//! On a platform that numbers orders platform-wide (Taobao, JD, …) an order
//! number the file's shop lacks may be in another of the seller's shops there:
//! it is that order, and is revised where it is. Otherwise a shop that took its
//! name from a later export than the one its orders came from (an archive from
//! before shops, where all of a platform's orders shared one shop) would get
//! them all again.

use crate::orders::{self, StoredOrder};
use crate::shops::{self, Shop};
use crate::Result;
use laoke_core::dto::FileReport;
use laoke_core::Platform;
use rusqlite::Connection;

/// A shop as an import writes into it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Target {
    pub id: i64,
    pub count_cod: bool,
    /// The shop held orders before this import: an order of the file may be one
    /// of them, so each is looked up before it is written.
    pub had_orders: bool,
    /// Item-report lines wait for orders of this shop.
    pub pending: bool,
}

pub(super) struct ShopRoute {
    platform: Platform,
    /// The shop the seller chose for the whole file.
    chosen: Option<String>,
    /// Every shop met so far, with the name the file gave it (`None`: the platform's
    /// default); a file names one or a few.
    met: Vec<(Option<String>, Target)>,
    /// The platform's shops that held orders before the import, with their names,
    /// read on first need (platforms that number orders platform-wide only).
    elsewhere: Option<Vec<(Target, String)>>,
}

impl ShopRoute {
    pub(super) fn new(platform: Platform, chosen: Option<String>) -> Self {
        ShopRoute { platform, chosen, met: Vec::new(), elsewhere: None }
    }

    /// The shop of an order whose rows name `named` (or none).
    pub(super) fn target(
        &mut self,
        conn: &Connection,
        named: Option<&str>,
        now: &str,
        report: &mut FileReport,
    ) -> Result<Target> {
        // A chosen shop takes every order, whatever the rows say.
        let named = if self.chosen.is_some() { None } else { named };
        if let Some((_, t)) = self.met.iter().find(|(n, _)| n.as_deref() == named) {
            return Ok(*t);
        }
        let to = shops::destination(conn, self.platform, self.chosen.as_deref(), named)?;
        let shop = shops::settle(conn, self.platform, to, now)?;
        let target = self.admit(conn, &shop, report)?;
        self.met.push((named.map(str::to_owned), target));
        Ok(target)
    }

    /// A shop's first order in this import: what the writer needs to know of it.
    fn admit(&self, conn: &Connection, shop: &Shop, report: &mut FileReport) -> Result<Target> {
        if let Some((_, t)) = self.met.iter().find(|(_, t)| t.id == shop.id) {
            return Ok(*t);
        }
        report.shops.push(shop.name.clone());
        Ok(Target {
            id: shop.id,
            count_cod: shop.count_cod,
            had_orders: shops::has_orders(conn, shop.id)?,
            pending: crate::pending_items::any(conn, shop.id)?,
        })
    }

    /// The stored order numbered `order_no` in another shop of the platform than
    /// `target`, where the platform numbers orders platform-wide, with that shop.
    pub(super) fn find_elsewhere(
        &mut self,
        conn: &Connection,
        target: Target,
        order_no: &str,
        report: &mut FileReport,
    ) -> Result<Option<(StoredOrder, Target)>> {
        if !self.platform.numbers_orders_platform_wide() {
            return Ok(None);
        }
        let shops = match &mut self.elsewhere {
            Some(shops) => shops,
            none => none.insert(others_with_orders(conn, self.platform)?),
        };
        for (shop, name) in shops.iter().filter(|(s, _)| s.id != target.id) {
            if let Some(stored) = orders::find(conn, shop.id, order_no)? {
                if !report.shops.contains(name) {
                    report.shops.push(name.clone());
                }
                return Ok(Some((stored, *shop)));
            }
        }
        Ok(None)
    }

    /// The shop the seller chose, if one was.
    pub(super) fn chosen(&self) -> Option<i64> {
        self.chosen.as_ref().and_then(|_| self.met.first().map(|(_, t)| t.id))
    }
}

/// The platform's shops holding orders, as an import finds orders in them.
fn others_with_orders(conn: &Connection, platform: Platform) -> Result<Vec<(Target, String)>> {
    let mut out = Vec::new();
    for shop in shops::of_platform(conn, platform)? {
        if shops::has_orders(conn, shop.id)? {
            let target = Target { id: shop.id, count_cod: shop.count_cod, had_orders: true, pending: false };
            out.push((target, shop.name));
        }
    }
    Ok(out)
}
